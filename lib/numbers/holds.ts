import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { AppError, parseOrThrow } from "@/lib/errors";
import { claimBlocks, withBlockRetry } from "./allocate";
import { availabilityHint } from "./availability";
import { loadOrderPbx, quoteNumbers } from "./context";
import {
  HOLD_MINUTES,
  assertUnderHoldCap,
  holdingPartner,
  lockPartnerHolds,
  markHeld,
  restartNote,
} from "./hold-limits";
import { ZBlockChoice, toLikePattern, type TBlockChoiceInput } from "./schemas";

/**
 * Holds the blocks a partner chose for 30 minutes and quotes them: nobody else can order them
 * meanwhile. Picking again replaces the partner's earlier hold on that PBX, within the limits of
 * hold-limits.ts (at most `maxHeld` numbers at once; 2 hours in all on a number). All or nothing: a
 * refused hold leaves the earlier one as it was. The order names the hold; an expired hold counts
 * for nothing and a job deletes it.
 */
export async function holdBlocks(
  db: Db,
  actor: Actor,
  raw: TBlockChoiceInput,
  now = new Date(),
  maxHeld = readRuntimeEnv().NUMBER_HOLD_MAX_NUMBERS,
) {
  assertCanChange(actor, "numbers.order");
  const input = parseOrThrow(ZBlockChoice, raw);
  const pbx = await loadOrderPbx(db, actor, input.pbxId, now);
  const partnerId = pbx.customer.partnerId;
  const quantity = input.blockSize * input.blockCount;
  const quote = await quoteNumbers(db, pbx, { countryCode: input.countryCode, type: input.type, quantity }, now);
  const holder = holdingPartner(partnerId, now);
  const hold = await withBlockRetry(() =>
    db.$transaction(async (tx) => {
      await lockPartnerHolds(tx, partnerId);
      await tx.numberHold.deleteMany({ where: { partnerId, pbxId: pbx.id } });
      await assertUnderHoldCap(tx, partnerId, quantity, maxHeld, now);
      const blocks = await claimBlocks(tx, { ...input, pattern: toLikePattern(input.pattern), holder });
      if (blocks.length < input.blockCount) {
        const note = await restartNote(tx, holder, input);
        const hint = await availabilityHint(tx, input, blocks.length);
        throw new AppError("CONFLICT", note ? `${hint} ${note}` : hint);
      }
      const created = await tx.numberHold.create({
        data: {
          partnerId,
          pbxId: pbx.id,
          countryCode: input.countryCode,
          type: input.type,
          blockSize: input.blockSize,
          firstE164: blocks[0].firstE164,
          expiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
          createdById: actor.userId,
        },
        select: { id: true, expiresAt: true },
      });
      const expiresAt = await markHeld(
        tx,
        blocks.flatMap((b) => b.ids),
        created.id,
        holder,
        now,
      );
      if (expiresAt < created.expiresAt) await tx.numberHold.update({ where: { id: created.id }, data: { expiresAt } });
      return {
        holdId: created.id,
        expiresAt: expiresAt.toISOString(),
        blocks: blocks.map((b) => ({ firstE164: b.firstE164, lastE164: b.lastE164 })),
      };
    }),
  );
  return {
    ...hold,
    quote: {
      currency: quote.currency,
      total: quote.total.toFixed(2),
      lines: quote.lines.map((l) => ({ description: l.description, amount: l.amount.toFixed(2), formula: l.formula })),
    },
  };
}

/** Deletes expired holds (a job): their numbers' holdId goes null with them (ON DELETE SET NULL). */
export async function unsafeSweepExpiredHolds(db: Db, now: Date) {
  const { count } = await db.numberHold.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
