-- CreateEnum
CREATE TYPE "UnratedReason" AS ENUM ('UNKNOWN_NUMBER', 'NO_PRICE_LIST', 'NO_RATE', 'NO_FREEPHONE_SOURCE');

-- AlterTable
ALTER TABLE "CallDailyRollup" ADD COLUMN     "unratedCalls" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "CallRecord" ADD COLUMN     "unratedReason" "UnratedReason",
ALTER COLUMN "cost" DROP NOT NULL;

-- AlterTable
ALTER TABLE "SmsRecord" ADD COLUMN     "unratedReason" "UnratedReason",
ALTER COLUMN "cost" DROP NOT NULL;

-- CreateTable
CREATE TABLE "PartnerTierPeriod" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "tierId" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerTierPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PartnerTierPeriod_tierId_idx" ON "PartnerTierPeriod"("tierId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerTierPeriod_partnerId_validFrom_key" ON "PartnerTierPeriod"("partnerId", "validFrom");

-- AddForeignKey
ALTER TABLE "PartnerTierPeriod" ADD CONSTRAINT "PartnerTierPeriod_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerTierPeriod" ADD CONSTRAINT "PartnerTierPeriod_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "PriceListTier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: every partner has had its current tier since the beginning of time (decision 0041)
INSERT INTO "PartnerTierPeriod" ("id", "partnerId", "tierId", "validFrom")
SELECT 'tier-period-' || "id", "id", "tierId", TIMESTAMP '1970-01-01 00:00:00' FROM "Partner";

-- AlterEnum
ALTER TYPE "ExpensiveWorkKind" ADD VALUE 'RERATING';
