-- DropIndex
DROP INDEX "PriceList_tierId_validFrom_idx";

-- AlterTable
ALTER TABLE "PriceList" DROP COLUMN "validTo",
ALTER COLUMN "currency" SET DEFAULT 'EUR';

-- AlterTable
ALTER TABLE "PriceListTier" ADD COLUMN     "discount" DECIMAL(5,4);

-- CreateIndex
CREATE UNIQUE INDEX "FlatFeeBand_priceListId_sku_key" ON "FlatFeeBand"("priceListId", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "PriceList_tierId_validFrom_key" ON "PriceList"("tierId", "validFrom");

-- Rules Prisma's schema language cannot state: no negative price, call-termination areas 1-6 only.
ALTER TABLE "PriceList" ADD CONSTRAINT "PriceList_smsRate_not_negative" CHECK ("smsRate" >= 0);
ALTER TABLE "PriceListTier" ADD CONSTRAINT "PriceListTier_discount_range" CHECK ("discount" >= 0 AND "discount" < 1);
ALTER TABLE "FlatFeeBand" ADD CONSTRAINT "FlatFeeBand_price_not_negative" CHECK ("pricePerUser" >= 0);
ALTER TABLE "FlatFeeBand" ADD CONSTRAINT "FlatFeeBand_users_range" CHECK ("minUsers" >= 1 AND ("maxUsers" IS NULL OR "maxUsers" >= "minUsers"));
ALTER TABLE "NumberPrice" ADD CONSTRAINT "NumberPrice_fees_not_negative" CHECK ("setupFee" >= 0 AND "monthlyFee" >= 0);
ALTER TABLE "FreephoneMinuteRate" ADD CONSTRAINT "FreephoneMinuteRate_price_not_negative" CHECK ("perMinute" >= 0);
ALTER TABLE "AreaRate" ADD CONSTRAINT "AreaRate_price_not_negative" CHECK ("perMinute" >= 0);
ALTER TABLE "AreaRate" ADD CONSTRAINT "AreaRate_area_1_to_6" CHECK ("area" BETWEEN 1 AND 6);
