import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { withBlockRetry } from "./allocate";
import { availabilityHint } from "./availability";
import { loadOrderContext } from "./context";
import { withIdempotency } from "./idempotency";
import { placeOrder, type OrderResult } from "./place-order";
import { ZOrderNumbers, toLikePattern, type TOrderNumbers } from "./schemas";

export type { OrderResult } from "./place-order";

const SCOPE = "numbers.order";

/**
 * Orders `blockCount` aligned blocks of `blockSize` numbers for a PBX with CLASSOUND active (R6, R7):
 * quoted by the one pricing function, allocated atomically (all blocks or none), recorded with its
 * charge lines and each number's history, once per idempotency key. Three statements: the context
 * (loadOrderContext), the idempotency key, and the allocation with every row it writes, the key's
 * answer included (placeOrder).
 */
export async function orderNumbers(
  db: Db,
  actor: Actor,
  raw: TOrderNumbers,
  now = new Date(),
): Promise<{ replayed: boolean; result: OrderResult }> {
  assertCanChange(actor, "numbers.order");
  const input = parseOrThrow(ZOrderNumbers, raw);
  const context = await loadOrderContext(
    db,
    actor,
    input.pbxId,
    { countryCode: input.countryCode, type: input.type },
    now,
  );
  const { partnerId, pbxId } = context;
  const { idempotencyKey, ...body } = input;
  const call = { partnerId, scope: SCOPE, key: idempotencyKey, body, now };
  return withIdempotency(
    db,
    call,
    async (hash) => {
      // Quoted after the key is opened, as before: a replay answers even if the price list changed since.
      const quote = context.quote(input.blockSize * input.blockCount);
      const orderId = `c${randomUUID().replace(/-/g, "")}`;
      const request = { ...input, pattern: toLikePattern(input.pattern) };
      const outcome = await withBlockRetry(() =>
        placeOrder(db, {
          request,
          orderId,
          partnerId,
          pbxId,
          actorId: actor.userId,
          quote,
          idempotency: { scope: SCOPE, key: idempotencyKey, hash },
          now,
        }),
      );
      if ("holdExpired" in outcome)
        throw new AppError("CONFLICT", "The hold on these numbers has expired. Check availability again.");
      if ("found" in outcome) throw new AppError("CONFLICT", await availabilityHint(db, input, outcome.found));
      return outcome.placed;
    },
    { storedByWork: true },
  );
}
