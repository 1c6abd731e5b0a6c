import { readRuntimeEnv } from "@/lib/config/runtime";
import { createBoss, type Boss } from "./boss";
import { MAIL_SEND, MAIL_SWEEP } from "./mail-jobs";
import { PRICE_LIST_NOTICES } from "./price-list-notices";

// One sender per process, shared by the Next.js bundle and scripts/server.ts (separate module
// instances, same global), and surviving dev reloads.
const holder = globalThis as unknown as { classoundJobSender?: Promise<Boss> };

/** Lets a process that already runs workers lend its instance to the app's enqueuing. */
export function shareJobSender(boss: Boss) {
  holder.classoundJobSender = Promise.resolve(boss);
}

/** This process's pg-boss instance for enqueuing (a sender only, unless the process runs workers). */
export function jobSender(): Promise<Boss> {
  holder.classoundJobSender ??= (async () => {
    const url = readRuntimeEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const boss = createBoss(url, { work: false });
    await boss.start();
    return boss;
  })().catch((error) => {
    holder.classoundJobSender = undefined;
    throw error;
  });
  return holder.classoundJobSender;
}

/**
 * Asks a worker to send pending mail now. Call after the transaction that wrote the mail commits.
 * Never fails the caller: the row is safe in the outbox and the hourly sweep sends it regardless.
 */
export async function requestMailDelivery() {
  try {
    await (await jobSender()).send(MAIL_SWEEP, {});
  } catch (error) {
    console.error("[jobs] could not request mail delivery; the hourly sweep will send it", error);
  }
}

/** Queues one outbox row for sending (the admin's resend). */
export async function requestOutboxEmailDelivery(outboxEmailId: string) {
  await (await jobSender()).send(MAIL_SEND, { outboxEmailId }, { singletonKey: outboxEmailId });
}

/**
 * Queues the partners' notices of a published price-list version. Call after the version commits.
 * Never fails the caller: the version is published, and the hourly catch-up run notifies if this fails.
 */
export async function requestPriceListNotices(priceListId: string) {
  try {
    await (await jobSender()).send(PRICE_LIST_NOTICES, { priceListId }, { singletonKey: priceListId });
  } catch (error) {
    console.error("[jobs] could not queue the price-list notices", priceListId, error);
  }
}
