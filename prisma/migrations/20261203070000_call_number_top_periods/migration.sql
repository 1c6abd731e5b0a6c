-- The monthly ranking of top numbers becomes one of two ranking periods (decision 0030).
-- Existing rows are month rankings. The day rankings are built from the daily number roll-up
-- below, as a refresh would build them.

-- CreateEnum
CREATE TYPE "CallTopPeriod" AS ENUM ('DAY', 'MONTH');

-- RenameTable
ALTER TABLE "CallNumberMonthlyTop" RENAME TO "CallNumberTop";
ALTER TABLE "CallNumberTop" RENAME CONSTRAINT "CallNumberMonthlyTop_pkey" TO "CallNumberTop_pkey";
ALTER SEQUENCE "CallNumberMonthlyTop_id_seq" RENAME TO "CallNumberTop_id_seq";
ALTER TABLE "CallNumberTop" RENAME COLUMN "month" TO "fromDay";
ALTER TABLE "CallNumberTop" ADD COLUMN "period" "CallTopPeriod" NOT NULL DEFAULT 'MONTH';
ALTER TABLE "CallNumberTop" ALTER COLUMN "period" DROP DEFAULT;

-- DropIndex
DROP INDEX "CallNumberMonthlyTop_scope_idx";

-- CreateIndex
CREATE INDEX "CallNumberTop_scope_idx" ON "CallNumberTop"("period", "fromDay", "scopeKind", "partnerId", "customerId", "pbxId");

-- Backfill: the ranking of every day the daily number roll-up holds, ranked as
-- lib/cdr/rollups/number-top.ts ranks them.
INSERT INTO "CallNumberTop" ("period", "fromDay", "scopeKind", "partnerId", "customerId", "pbxId", "direction", "allAreas", "area", "number", "calls", "seconds")
SELECT 'DAY'::"CallTopPeriod", "day", kind::"CallTopScopeKind", "partnerId", "customerId", "pbxId", "direction", "allAreas", "area", "number", calls, seconds
FROM (
  SELECT *, row_number() OVER (
    PARTITION BY "day", kind, "partnerId", "customerId", "pbxId", "direction", "allAreas", "area"
    ORDER BY calls DESC, seconds DESC, "number") AS rank
  FROM (
    SELECT CASE WHEN grouping("pbxId") = 0 THEN 'PBX' WHEN grouping("customerId") = 0 THEN 'CUSTOMER'
                WHEN grouping("partnerId") = 0 THEN 'PARTNER' ELSE 'ALL' END AS kind,
           "day", "partnerId", "customerId", "pbxId", "direction", grouping("area") = 1 AS "allAreas", "area", "number",
           sum("calls")::int AS calls, sum("seconds") AS seconds
    FROM "CallNumberDailyRollup"
    GROUP BY "day", "direction", "number", GROUPING SETS (
      ("partnerId", "customerId", "pbxId", "area"), ("partnerId", "customerId", "pbxId"),
      ("partnerId", "customerId", "area"), ("partnerId", "customerId"),
      ("partnerId", "area"), ("partnerId"),
      ("area"), ())
  ) grouped
  WHERE "allAreas" OR "area" IS NOT NULL
) ranked
WHERE rank <= 10;
