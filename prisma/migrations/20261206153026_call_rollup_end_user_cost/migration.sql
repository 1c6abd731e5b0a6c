-- AlterTable
ALTER TABLE "CallDailyRollup" ADD COLUMN     "endUserCost" DECIMAL(18,5) NOT NULL DEFAULT 0;

-- Backfill: the days already rolled up get the End User price of their calls (the refresh groups the same way).
UPDATE "CallDailyRollup" r SET "endUserCost" = c.amount
FROM (
  SELECT "startedAt"::date AS day, "partnerId", "customerId", "pbxId", "direction", "area", "countryCode", "currency",
         sum("endUserCost") AS amount
  FROM "CallRecord" WHERE "endUserCost" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
) c
WHERE r."day" = c.day AND r."partnerId" = c."partnerId" AND r."customerId" = c."customerId" AND r."pbxId" = c."pbxId"
  AND r."direction" = c."direction" AND r."area" IS NOT DISTINCT FROM c."area"
  AND r."countryCode" IS NOT DISTINCT FROM c."countryCode" AND r."currency" = c."currency";
