-- CreateTable
CREATE TABLE "IncludedUsageMonth" (
    "month" DATE NOT NULL,
    "pbxId" TEXT NOT NULL,
    "extension" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "area1Seconds" BIGINT NOT NULL,
    "smsSent" INTEGER NOT NULL,

    CONSTRAINT "IncludedUsageMonth_pkey" PRIMARY KEY ("month","pbxId","extension")
);

-- CreateIndex
CREATE INDEX "IncludedUsageMonth_partnerId_month_idx" ON "IncludedUsageMonth"("partnerId", "month");

-- CreateIndex
CREATE INDEX "CallRecord_unrated_idx" ON "CallRecord"("pbxId", "startedAt") WHERE ("ratedAt" IS NULL);

-- CreateIndex
CREATE INDEX "SmsRecord_unrated_idx" ON "SmsRecord"("pbxId", "sentAt") WHERE ("ratedAt" IS NULL);

-- Backfill: each user's totals over the calls and messages rated before this migration, by partner-local month
INSERT INTO "IncludedUsageMonth" ("month", "pbxId", "extension", "partnerId", "area1Seconds", "smsSent")
SELECT month, "pbxId", ext, "partnerId", sum(seconds), sum(sms)
FROM (
  SELECT date_trunc('month', (c."startedAt" AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")::date AS month,
    c."pbxId", coalesce(c.extension, '') AS ext, c."partnerId",
    CASE WHEN c.direction = 'OUTBOUND' AND c.area = 1 AND c.disposition = 'ANSWERED' THEN c."durationSeconds" ELSE 0 END AS seconds,
    0 AS sms
  FROM "CallRecord" c JOIN "Partner" p ON p.id = c."partnerId"
  WHERE c."ratedAt" IS NOT NULL
  UNION ALL
  SELECT date_trunc('month', (s."sentAt" AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")::date,
    s."pbxId", coalesce(s.extension, ''), s."partnerId", 0, CASE WHEN s.direction = 'OUTBOUND' THEN 1 ELSE 0 END
  FROM "SmsRecord" s JOIN "Partner" p ON p.id = s."partnerId"
  WHERE s."ratedAt" IS NOT NULL
) used
GROUP BY 1, 2, 3, 4;
