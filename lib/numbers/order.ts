import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { claimBlocks, withBlockRetry } from "./allocate";
import { availabilityHint } from "./availability";
import { loadOrderPbx, quoteNumbers } from "./context";
import { requestHash, withIdempotency } from "./idempotency";
import { ZOrderNumbers, toLikePattern, type TOrderNumbers } from "./schemas";

export interface OrderResult {
  orderId: string;
  blocks: { firstE164: string; lastE164: string; size: number }[];
  chargeTotal: string;
  currency: string;
}

/**
 * Orders `blockCount` aligned blocks of `blockSize` numbers for a PBX with CLASSOUND active (R6, R7):
 * quoted by the one pricing function, allocated atomically (all blocks or none), recorded with its
 * charge lines and each number's history, once per idempotency key.
 */
export async function orderNumbers(db: Db, actor: Actor, raw: TOrderNumbers, now = new Date()): Promise<{ replayed: boolean; result: OrderResult }> {
  assertCan(actor, "numbers.order");
  const input = parseOrThrow(ZOrderNumbers, raw);
  const pbx = await loadOrderPbx(db, actor, input.pbxId);
  const partnerId = pbx.customer.partnerId;
  const { idempotencyKey, ...body } = input;
  return withIdempotency(db, { partnerId, scope: "numbers.order", key: idempotencyKey, body, now }, async () => {
    const quantity = input.blockSize * input.blockCount;
    const quote = await quoteNumbers(db, pbx, { countryCode: input.countryCode, type: input.type, quantity }, now);
    const result = await withBlockRetry(() =>
      db.$transaction(
        async (tx) => {
          if (input.holdId) {
            const hold = await tx.numberHold.findFirst({ where: { id: input.holdId, partnerId, pbxId: pbx.id, expiresAt: { gt: now } }, select: { id: true } });
            if (!hold) throw new AppError("CONFLICT", "The hold on these numbers has expired. Check availability again.");
          }
          const blocks = await claimBlocks(tx, { ...input, pattern: toLikePattern(input.pattern) });
          if (blocks.length < input.blockCount) throw new AppError("CONFLICT", await availabilityHint(tx, input, blocks.length));
          const order = await tx.numberOrder.create({
            data: {
              partnerId,
              pbxId: pbx.id,
              countryCode: input.countryCode,
              type: input.type,
              areaName: input.areaName ?? null,
              blockSize: input.blockSize,
              blockCount: input.blockCount,
              status: "COMPLETED",
              currency: quote.currency,
              setupTotal: quote.lines.filter((l) => l.kind === "NUMBER_SETUP").reduce((s, l) => s.add(l.amount), quote.total.mul(0)),
              monthlyTotal: quote.lines.filter((l) => l.kind === "NUMBER_MONTHLY").reduce((s, l) => s.add(l.amount), quote.total.mul(0)),
              chargeTotal: quote.total,
              idempotencyKey,
              requestHash: requestHash(body),
              createdById: actor.userId,
              lines: { create: quote.lines.map((l, i) => ({ sortOrder: i, kind: l.kind, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount, formula: l.formula })) },
            },
            select: { id: true },
          });
          const blockIds = blocks.map(() => randomUUID());
          await tx.numberOrderBlock.createMany({ data: blocks.map((b, i) => ({ id: blockIds[i], orderId: order.id, firstE164: b.firstE164, lastE164: b.lastE164, size: input.blockSize })) });
          const ids = blocks.flatMap((b) => b.ids);
          const owners = blocks.flatMap((b, i) => b.ids.map(() => blockIds[i]));
          await tx.$executeRaw`
            UPDATE "PhoneNumber" p SET "status" = 'ASSIGNED', "partnerId" = ${partnerId}, "pbxId" = ${pbx.id}, "orderBlockId" = u."block",
              "assignedAt" = ${now}, "holdId" = NULL, "quarantineUntil" = NULL, "updatedAt" = ${now}
            FROM unnest(${ids}::text[], ${owners}::text[]) AS u("id", "block") WHERE p."id" = u."id"`;
          await tx.phoneNumberEvent.createMany({
            data: ids.flatMap((phoneNumberId) =>
              (["ORDERED", "ASSIGNED"] as const).map((kind) => ({ phoneNumberId, kind, actorId: actor.userId, partnerId, pbxId: pbx.id, orderId: order.id, createdAt: now })),
            ),
          });
          if (input.holdId) await tx.numberHold.deleteMany({ where: { id: input.holdId } });
          await recordAudit(tx, { actorId: actor.userId, action: "numbers.ordered", entityType: "NumberOrder", entityId: order.id, detail: { pbxId: pbx.id, countryCode: input.countryCode, type: input.type, blockSize: input.blockSize, blockCount: input.blockCount } });
          return {
            orderId: order.id,
            blocks: blocks.map((b) => ({ firstE164: b.firstE164, lastE164: b.lastE164, size: input.blockSize })),
            chargeTotal: quote.total.toFixed(2),
            currency: quote.currency,
          };
        },
        { timeout: 20_000, maxWait: 10_000 },
      ),
    );
    return result satisfies OrderResult;
  });
}
