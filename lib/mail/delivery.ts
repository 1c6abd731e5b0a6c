import type { Db } from "@/lib/db/client";
import { ATTACHMENT_RENDERERS, renderAttachments, type AttachmentRenderer } from "./attachments";
import type { SendMail } from "./transport";

/** How long a sender's claim on a row lasts: far above the SMTP timeouts, so only a crash outlives it. */
export const DELIVERY_LEASE_MS = 2 * 60_000;
/** Attempts before a row waits in FAILED for an admin's resend (the mail job's retry limit follows it). */
export const MAX_DELIVERY_ATTEMPTS = 8;
/**
 * After a failure the row's own job retries it with backoff (about an hour for all attempts). The
 * sweep leaves it alone meanwhile: otherwise every action during an SMTP outage would start a new
 * job for it and burn its attempts in minutes. Past this, a row whose job is gone is swept again.
 */
export const RETRY_WINDOW_MS = 2 * 60 * 60_000;

type Outbox = Pick<Db, "outboxEmail">;

// A row is free when nobody holds it: pending, or claimed by a sender whose lease has run out.
const claimable = (now: Date) => ({
  OR: [{ status: "PENDING" as const }, { status: "SENDING" as const, leaseUntil: { lt: now } }],
});

/**
 * Takes the row for one sender. One UPDATE decides: of two racing senders PostgreSQL lets one
 * through and re-checks the other's WHERE against the claimed row, so it matches nothing.
 */
export async function unsafeClaimOutboxEmail(db: Outbox, id: string, now = new Date()) {
  const { count } = await db.outboxEmail.updateMany({
    where: { AND: [{ id }, claimable(now)] },
    data: { status: "SENDING", leaseUntil: new Date(now.getTime() + DELIVERY_LEASE_MS), attempts: { increment: 1 } },
  });
  return count ? db.outboxEmail.findUniqueOrThrow({ where: { id } }) : null;
}

/**
 * Sends one outbox row at most once: claim, render its attachments, send, mark sent. Running it
 * again for a sent or claimed row does nothing ("skipped"). A failure (rendering included) is
 * recorded and re-thrown so the job retries.
 */
export async function unsafeDeliverOutboxEmail(
  db: Db,
  id: string,
  send: SendMail,
  now = () => new Date(),
  renderers: Record<string, AttachmentRenderer> = ATTACHMENT_RENDERERS,
): Promise<"sent" | "skipped"> {
  const mail = await unsafeClaimOutboxEmail(db, id, now());
  if (!mail) return "skipped";
  try {
    await send(mail, await renderAttachments(db, mail.attachments, renderers));
  } catch (error) {
    await db.outboxEmail.updateMany({
      where: { id, status: "SENDING" },
      data: {
        status: mail.attempts >= MAX_DELIVERY_ATTEMPTS ? "FAILED" : "PENDING",
        leaseUntil: new Date(now().getTime() + RETRY_WINDOW_MS),
        error: String(error).slice(0, 500),
      },
    });
    throw error;
  }
  await db.outboxEmail.updateMany({
    where: { id, status: "SENDING" },
    data: { status: "SENT", sentAt: now(), leaseUntil: null },
  });
  return "sent";
}

/**
 * Rows with no job to send them: never tried (new or resent), left by a crashed sender (lease run
 * out), or failed so long ago that their job's retries are over. Oldest first.
 */
export async function unsafeDueOutboxIds(db: Outbox, now = new Date(), limit = 500): Promise<string[]> {
  const rows = await db.outboxEmail.findMany({
    where: {
      OR: [
        { status: "PENDING", OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
        { status: "SENDING", leaseUntil: { lt: now } },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Demo data's mail is written as already delivered: seeding must never send mail to anyone. */
export async function unsafeMarkOutboxDelivered(db: Outbox, createdSince: Date, now = new Date()) {
  const { count } = await db.outboxEmail.updateMany({
    where: { status: "PENDING", createdAt: { gte: createdSince } },
    data: { status: "SENT", sentAt: now },
  });
  return count;
}
