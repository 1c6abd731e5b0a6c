import { readRuntimeEnv } from "@/lib/config/runtime";
import { closeAtShutdown } from "@/lib/ops/lifecycle";
import { createBoss, type Boss } from "./boss";
import type { TRerateRequest } from "@/lib/cdr/rating/unrated";
import { CDR_IMPORT, CDR_RANGE_RANKING, CDR_RATE, CDR_RERATE, CDR_RERATE_PUBLISHED } from "./cdr-jobs";
import { MAIL_SEND, MAIL_SWEEP } from "./mail-jobs";
import { USAGE_ALERTS } from "./usage-alerts";
import { PRICE_LIST_NOTICES } from "./price-list-notices";

// One sender per process, shared by the Next.js bundle and scripts/server.ts (separate module
// instances, same global), and surviving dev reloads.
const holder = globalThis as unknown as {
  classoundJobSender?: Promise<Boss>;
  classoundWakeWorker?: (queue: string) => void;
};

/**
 * Lets a process that already runs workers lend its instance to the app's enqueuing; null takes it
 * back when the workers stop, so requests still finishing then get a sender of their own.
 */
export function shareJobSender(boss: Boss | null) {
  holder.classoundJobSender = boss ? Promise.resolve(boss) : undefined;
}

/**
 * Lets this process's job runner be woken for a queue (null when it stops): a job the app queues
 * then starts at once when the worker is idle, instead of at its next poll.
 */
export function shareWorkerWakeUp(wake: ((queue: string) => void) | null) {
  holder.classoundWakeWorker = wake ?? undefined;
}

/** This process's pg-boss instance for enqueuing (a sender only, unless the process runs workers). */
export function jobSender(): Promise<Boss> {
  holder.classoundJobSender ??= (async () => {
    const url = readRuntimeEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const boss = createBoss(url, { work: false });
    // A start that fails (the queue's schema not installed yet) has opened its pool all the same, and
    // stop() does nothing before a start succeeded: left open, the pool would hold a command's process
    // alive for its idle timeout (10 s).
    await boss.start().catch(async (error: unknown) => {
      const db = boss.getDb() as { opened?: boolean; close?: () => Promise<void> };
      if (db.opened) await db.close?.();
      throw error;
    });
    closeAtShutdown("job sender", stopJobSender);
    return boss;
  })().catch((error) => {
    holder.classoundJobSender = undefined;
    throw error;
  });
  return holder.classoundJobSender;
}

/** Closes this process's sender, if it has one: a command calls it last, so its exit does not wait on the pool. */
export async function stopJobSender() {
  const sender = holder.classoundJobSender;
  holder.classoundJobSender = undefined;
  const boss = await sender?.catch(() => undefined);
  await boss?.stop({ wait: true });
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
 * Queues the ranking of a range's top numbers a dashboard asked for (one job per request). A failure
 * leaves the request pending; the next reader after a minute queues it again.
 */
export async function requestRangeRanking(rangeTopId: string) {
  try {
    await (await jobSender()).send(CDR_RANGE_RANKING, { rangeTopId }, { singletonKey: rangeTopId });
  } catch (error) {
    console.error("[jobs] could not queue a top-numbers ranking", error);
  }
}

/** Queues an uploaded CDR file's import (one job per import). */
export async function requestCdrImport(importId: string) {
  await (await jobSender()).send(CDR_IMPORT, { importId }, { singletonKey: importId });
}

/** Sends a job as `JobContext.enqueue` describes it: one waiting per `key`, started `afterSeconds` from now. */
export async function sendJob(boss: Boss, name: string, data: object, key?: string, afterSeconds?: number) {
  await boss.send(name, data, {
    ...(key ? { singletonKey: key } : {}),
    ...(afterSeconds ? { startAfter: afterSeconds } : {}),
  });
}

/** A job queued from the app (a request), as a job queues its follow-ups; wakes this process's worker. */
export async function enqueueFromApp(name: string, data: object, key?: string, afterSeconds?: number) {
  await sendJob(await jobSender(), name, data, key, afterSeconds);
  holder.classoundWakeWorker?.(name);
}

/**
 * Queues rating of the months an API post touched, one job per month: the queue keeps one waiting
 * job per key, and the job rates every record of its month not rated when it starts, so a waiting
 * job covers every PBX's posts since (decision 0053). Wakes this process's worker, if it runs one.
 * Rating is idempotent, so a request lost to a queue failure waits for the next post.
 */
export async function requestCdrRating(months: string[]) {
  try {
    for (const month of months) await enqueueFromApp(CDR_RATE, { months: [month] }, month.slice(0, 7));
  } catch (error) {
    console.error("[jobs] could not queue CDR rating", error);
  }
}

/** Asks a worker for the usage alerts of months whose roll-ups changed ("2026-10-01…"); the hourly run catches up if this fails. */
export async function requestUsageAlerts(months: string[]) {
  try {
    const boss = await jobSender();
    for (const month of months)
      await boss.send(USAGE_ALERTS, { month: month.slice(0, 10) }, { singletonKey: month.slice(0, 7) });
  } catch (error) {
    console.error("[jobs] could not request usage alerts; the hourly run will send them", error);
  }
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

/** Queues an admin's re-rating of a partner-month (one waiting job per partner-month). */
export async function requestRerateJob(request: TRerateRequest) {
  await (await jobSender()).send(CDR_RERATE, request, { singletonKey: `${request.month}:${request.partnerId}` });
}

/**
 * Queues the re-rating of the unrated calls a published version can price (docs/decisions/0041). Never
 * fails the caller: the version is published, and the admins' rating page re-rates by hand if this fails.
 */
export async function requestReratingAfterPublish(priceListId: string) {
  try {
    await (await jobSender()).send(CDR_RERATE_PUBLISHED, { priceListId }, { singletonKey: priceListId });
  } catch (error) {
    console.error("[jobs] could not queue re-rating after a publish", priceListId, error);
  }
}
