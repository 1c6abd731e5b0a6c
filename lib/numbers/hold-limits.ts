import type { Prisma } from "@/lib/db/generated/client";
import type { NumberType } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import type { HoldingPartner } from "./allocate";

// Issue 28, item 2: one partner held a country's whole pool, forever, by holding it again every
// half hour. A hold now has three limits (decision 0036): a cap on the numbers a partner holds at
// once (NUMBER_HOLD_MAX_NUMBERS), 30 minutes a hold, and 2 hours in all from the partner's first
// hold of a number; after those 2 hours the partner cannot hold that number again until a day
// after its first hold (it may still order it), so another partner gets its turn.

type Tx = Prisma.TransactionClient;

/** How long blocks a partner picked stay reserved for it while it confirms (issue 12). */
export const HOLD_MINUTES = 30;
/** Holding a number again moves its expiry, never past this many hours from the partner's first hold of it. */
export const HOLD_LIFETIME_HOURS = 2;
/** After its lifetime, the partner may hold the number again this many hours after its first hold of it. */
export const HOLD_RESTART_HOURS = 24;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The partner asking to hold at `now`, with the first holds whose numbers it must not hold now. */
export function holdingPartner(partnerId: string, now: Date): HoldingPartner {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  return { partnerId, waitingSince: { after: ago(HOLD_RESTART_HOURS * HOUR), upTo: ago(HOLD_LIFETIME_HOURS * HOUR) } };
}

/**
 * Serialises one partner's holds (a transaction-scoped advisory lock), so two holds at once cannot
 * both pass the cap; other partners' holds do not wait on it.
 */
export async function lockPartnerHolds(tx: Tx, partnerId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('numbers.hold'), hashtext(${partnerId}))`;
}

/** Refuses a hold of `adding` numbers that would take the partner past `cap` numbers under its live holds. */
export async function assertUnderHoldCap(tx: Tx, partnerId: string, adding: number, cap: number, now: Date) {
  const [{ held }] = await tx.$queryRaw<{ held: number }[]>`
    SELECT count(*)::int AS "held" FROM "PhoneNumber" p JOIN "NumberHold" h ON h."id" = p."holdId"
    WHERE h."partnerId" = ${partnerId} AND h."expiresAt" > ${now}`;
  if (held + adding > cap)
    throw new AppError(
      "CONFLICT",
      `Your company may hold at most ${cap} numbers at once and holds ${held} now; this hold of ${adding} would make ${held + adding}. ` +
        "Order the numbers you hold, or hold fewer.",
    );
}

/**
 * Marks the claimed numbers held by `holdId` and returns when that hold ends: 30 minutes from now,
 * or earlier when the partner's first hold of one of them (kept in heldSince) is nearly 2 hours
 * old. A number the partner did not hold within the restart window starts a new first hold now.
 */
export async function markHeld(tx: Tx, ids: string[], holdId: string, holder: HoldingPartner, now: Date) {
  const [{ since }] = await tx.$queryRaw<{ since: Date }[]>`
    WITH "marked" AS (
      UPDATE "PhoneNumber" SET "holdId" = ${holdId}, "heldByPartnerId" = ${holder.partnerId}, "updatedAt" = ${now},
        "heldSince" = CASE WHEN "heldByPartnerId" = ${holder.partnerId} AND "heldSince" > ${holder.waitingSince.after} THEN "heldSince" ELSE ${now} END
      WHERE "id" = ANY(${ids}::text[])
      RETURNING "heldSince")
    SELECT min("heldSince") AS "since" FROM "marked"`;
  return new Date(Math.min(now.getTime() + HOLD_MINUTES * MINUTE, since.getTime() + HOLD_LIFETIME_HOURS * HOUR));
}

/** What to add to "Only N blocks are free" when some numbers were left out because the partner held them its 2 hours. */
export async function restartNote(
  tx: Tx,
  holder: HoldingPartner,
  pool: { countryCode: string; type: NumberType },
): Promise<string | null> {
  const [{ waiting }] = await tx.$queryRaw<{ waiting: number }[]>`
    SELECT count(*)::int AS "waiting" FROM "PhoneNumber"
    WHERE "countryCode" = ${pool.countryCode} AND "type" = ${pool.type}::"NumberType" AND "status" = 'AVAILABLE'
      AND "heldByPartnerId" = ${holder.partnerId}
      AND "heldSince" > ${holder.waitingSince.after} AND "heldSince" <= ${holder.waitingSince.upTo}`;
  if (waiting === 0) return null;
  const them = waiting === 1 ? "it" : "them";
  return (
    `${formatCount(waiting, "number")} your company has held for ${HOLD_LIFETIME_HOURS} hours can be held by it again ` +
    `${HOLD_RESTART_HOURS} hours after its first hold of ${them}; it may order ${them} without a hold now.`
  );
}
