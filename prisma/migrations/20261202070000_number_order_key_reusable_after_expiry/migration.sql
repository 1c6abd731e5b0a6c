-- An idempotency key is remembered 24 hours (IdempotencyRecord), after which it may name a new order.
-- DropIndex
DROP INDEX "NumberOrder_partnerId_idempotencyKey_key";

-- CreateIndex
CREATE INDEX "NumberOrder_partnerId_idempotencyKey_idx" ON "NumberOrder"("partnerId", "idempotencyKey");
