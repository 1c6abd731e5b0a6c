import type { Prisma } from "@/lib/db/generated/client";
import { RATING_LOCK_SQL } from "@/lib/cdr/rating/rate-month";

/**
 * The most advisory locks a run takes one by one (a partner-month's and each PBX's). PostgreSQL's
 * shared lock table holds max_locks_per_transaction (64) × (max_connections + workers) entries, about
 * 14,000 on the embedded server and 6,400 on a default one of 100 connections, for every session at
 * once: a batch of 1,000 partners × 10 PBXs would take 11,000 and exhaust it
 * (docs/decisions/0064). Ten transactions' worth leaves room for everyone else.
 */
export const RUN_LOCKS_ONE_BY_ONE = 640;

/** How a run locked its month: each partner-month and PBX, or the month's rating as a whole. */
export type RunLocking = "PER_PBX" | "WHOLE_MONTH";

const PARTNER_MONTH_LOCKS_SQL = `SELECT count(pg_advisory_xact_lock(hashtext('classound.invoice-run'), hashtext(id || ':' || $2)))::int
  FROM unnest($1::text[]) id`;

/**
 * Locks what the run reads and writes (docs/decisions/0059, 0064). One run per partner-month at a
 * time, and no rating of the partners' PBXs in that month meanwhile, so the unrated check and the sums
 * read one rating's result, never half of a re-rating:
 * - PER_PBX (a small batch, the admin's run of one partner): each partner-month's own lock, then the
 *   locks a rating of the partners' PBXs takes (RATING_LOCK_SQL: the month's shared, then each PBX's),
 *   all in sorted order, so two runs and a rating never wait on each other in a circle;
 * - WHOLE_MONTH (past RUN_LOCKS_ONE_BY_ONE locks): the month's rating lock, exclusively, as a rating
 *   of the whole month takes it. It excludes every rating of the month and every other run of it
 *   (each takes that lock, shared at least), so the partner-month locks are not needed. Another run
 *   of the month then waits for this batch, a few seconds for a thousand partners.
 */
export async function lockRun(
  tx: Prisma.TransactionClient,
  month: string,
  partnerIds: readonly string[],
): Promise<RunLocking> {
  const sortedPartners = [...partnerIds].sort();
  const pbxIds = (
    await tx.pbx.findMany({ where: { customer: { partnerId: { in: sortedPartners } } }, select: { id: true } })
  )
    .map((p) => p.id)
    .sort();
  if (sortedPartners.length + pbxIds.length > RUN_LOCKS_ONE_BY_ONE) {
    await tx.$queryRawUnsafe(RATING_LOCK_SQL, month, null);
    return "WHOLE_MONTH";
  }
  await tx.$queryRawUnsafe(PARTNER_MONTH_LOCKS_SQL, sortedPartners, month);
  await tx.$queryRawUnsafe(RATING_LOCK_SQL, month, pbxIds);
  return "PER_PBX";
}
