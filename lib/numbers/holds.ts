import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { claimBlocks, withBlockRetry } from "./allocate";
import { availabilityHint } from "./availability";
import { loadOrderPbx, quoteNumbers } from "./context";
import { ZBlockChoice, toLikePattern, type TBlockChoiceInput } from "./schemas";

/** How long blocks a partner picked stay reserved for it while it confirms (issue 12). */
export const HOLD_MINUTES = 30;

/**
 * Holds the blocks a partner chose for 30 minutes and quotes them: nobody else can order them
 * meanwhile. Picking again replaces the partner's earlier hold on that PBX. The order names the
 * hold; an expired hold counts for nothing and a job deletes it.
 */
export async function holdBlocks(db: Db, actor: Actor, raw: TBlockChoiceInput, now = new Date()) {
  assertCan(actor, "numbers.order");
  const input = parseOrThrow(ZBlockChoice, raw);
  const pbx = await loadOrderPbx(db, actor, input.pbxId);
  const partnerId = pbx.customer.partnerId;
  const quote = await quoteNumbers(
    db,
    pbx,
    { countryCode: input.countryCode, type: input.type, quantity: input.blockSize * input.blockCount },
    now,
  );
  const hold = await withBlockRetry(() =>
    db.$transaction(async (tx) => {
      await tx.numberHold.deleteMany({ where: { partnerId, pbxId: pbx.id } });
      const blocks = await claimBlocks(tx, { ...input, pattern: toLikePattern(input.pattern) });
      if (blocks.length < input.blockCount)
        throw new AppError("CONFLICT", await availabilityHint(tx, input, blocks.length));
      const expiresAt = new Date(now.getTime() + HOLD_MINUTES * 60_000);
      const created = await tx.numberHold.create({
        data: {
          partnerId,
          pbxId: pbx.id,
          countryCode: input.countryCode,
          type: input.type,
          blockSize: input.blockSize,
          firstE164: blocks[0].firstE164,
          expiresAt,
          createdById: actor.userId,
        },
        select: { id: true, expiresAt: true },
      });
      await tx.phoneNumber.updateMany({
        where: { id: { in: blocks.flatMap((b) => b.ids) } },
        data: { holdId: created.id },
      });
      return {
        holdId: created.id,
        expiresAt: created.expiresAt.toISOString(),
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
