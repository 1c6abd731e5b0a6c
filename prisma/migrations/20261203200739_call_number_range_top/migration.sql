-- Top numbers ranked on demand for ranges no CallNumberTop period answers (decision 0033).
-- Nothing to backfill: a reader asks for a range's ranking the first time it shows it.

-- CreateTable
CREATE TABLE "CallNumberRangeTop" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fromDay" DATE NOT NULL,
    "toDayExclusive" DATE NOT NULL,
    "view" JSONB NOT NULL,
    "numbers" JSONB,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rankedAt" TIMESTAMP(3),

    CONSTRAINT "CallNumberRangeTop_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CallNumberRangeTop_key_key" ON "CallNumberRangeTop"("key");

-- CreateIndex
CREATE INDEX "CallNumberRangeTop_fromDay_toDayExclusive_idx" ON "CallNumberRangeTop"("fromDay", "toDayExclusive");

-- CreateIndex
CREATE INDEX "CallNumberRangeTop_requestedAt_idx" ON "CallNumberRangeTop"("requestedAt");
