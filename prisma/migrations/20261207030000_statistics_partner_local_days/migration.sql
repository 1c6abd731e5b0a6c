-- Statistics count each call in the calendar day of its partner (docs/decisions/0045). The daily
-- roll-ups were keyed by UTC day: they are rebuilt here from the raw tables, each row keyed by the
-- partner-local day, as lib/cdr/rollups/refresh.ts builds them. The hourly roll-up stays by UTC
-- hour. The day and month rankings are ranked again from the rebuilt number roll-up, as
-- lib/cdr/rollups/number-top.ts ranks them. The seven-day ranking and the rankings made on demand
-- are dropped (the nightly job and the next reader ask for them again).

DELETE FROM "CallDailyRollup";
INSERT INTO "CallDailyRollup" ("day", "partnerId", "customerId", "pbxId", "direction", "area", "countryCode", "currency",
                               "calls", "answeredCalls", "seconds", "answeredSeconds", "billedSeconds", "cost", "endUserCost",
                               "unratedCalls")
SELECT ((c."startedAt" AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")::date, c."partnerId", c."customerId", c."pbxId",
       c."direction", c."area", c."countryCode", c."currency",
       count(*), count(*) FILTER (WHERE c."disposition" = 'ANSWERED'), sum(c."durationSeconds"),
       coalesce(sum(c."durationSeconds") FILTER (WHERE c."disposition" = 'ANSWERED'), 0), sum(c."billedSeconds"),
       coalesce(sum(c."cost"), 0), coalesce(sum(c."endUserCost"), 0),
       count(*) FILTER (WHERE c."ratedAt" IS NULL OR c."unratedReason" IS NOT NULL)
FROM "CallRecord" c JOIN "Partner" p ON p."id" = c."partnerId"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;

DELETE FROM "CallNumberDailyRollup";
INSERT INTO "CallNumberDailyRollup" ("day", "partnerId", "customerId", "pbxId", "direction", "area", "number", "calls", "seconds")
SELECT ((c."startedAt" AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")::date, c."partnerId", c."customerId", c."pbxId",
       c."direction", c."area", CASE WHEN c."direction" = 'OUTBOUND' THEN c."toE164" ELSE c."fromE164" END,
       count(*), sum(c."durationSeconds")
FROM "CallRecord" c JOIN "Partner" p ON p."id" = c."partnerId"
GROUP BY 1, 2, 3, 4, 5, 6, 7;

DELETE FROM "CallUserDailyRollup";
INSERT INTO "CallUserDailyRollup" ("day", "partnerId", "customerId", "pbxId", "extension", "area1Seconds", "smsSent")
SELECT day, "partnerId", "customerId", "pbxId", "extension", sum(seconds), sum(sms)
FROM (
  SELECT ((c."startedAt" AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")::date AS day, c."partnerId", c."customerId",
         c."pbxId", c."extension", c."durationSeconds" AS seconds, 0 AS sms
  FROM "CallRecord" c JOIN "Partner" p ON p."id" = c."partnerId"
  WHERE c."direction" = 'OUTBOUND' AND c."area" = 1 AND c."disposition" = 'ANSWERED' AND c."extension" IS NOT NULL
  UNION ALL
  SELECT ((s."sentAt" AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")::date, s."partnerId", s."customerId", s."pbxId",
         s."extension", 0, 1
  FROM "SmsRecord" s JOIN "Partner" p ON p."id" = s."partnerId"
  WHERE s."direction" = 'OUTBOUND' AND s."extension" IS NOT NULL
) used
GROUP BY 1, 2, 3, 4, 5;

DELETE FROM "CallNumberRangeTop";
DELETE FROM "CallNumberTop";
INSERT INTO "CallNumberTop" ("period", "fromDay", "scopeKind", "partnerId", "customerId", "pbxId", "direction", "allAreas", "area", "number", "calls", "seconds")
SELECT period::"CallTopPeriod", "fromDay", kind::"CallTopScopeKind", "partnerId", "customerId", "pbxId", "direction", "allAreas", "area", "number", calls, seconds
FROM (
  SELECT *, row_number() OVER (
    PARTITION BY period, "fromDay", kind, "partnerId", "customerId", "pbxId", "direction", "allAreas", "area"
    ORDER BY calls DESC, seconds DESC, "number") AS rank
  FROM (
    SELECT CASE WHEN grouping("pbxId") = 0 THEN 'PBX' WHEN grouping("customerId") = 0 THEN 'CUSTOMER'
                WHEN grouping("partnerId") = 0 THEN 'PARTNER' ELSE 'ALL' END AS kind,
           period, "fromDay", "partnerId", "customerId", "pbxId", "direction", grouping("area") = 1 AS "allAreas", "area", "number",
           sum("calls")::int AS calls, sum("seconds") AS seconds
    FROM (
      SELECT 'DAY' AS period, d."day" AS "fromDay", d.* FROM "CallNumberDailyRollup" d
      UNION ALL
      SELECT 'MONTH', date_trunc('month', d."day")::date, d.* FROM "CallNumberDailyRollup" d
    ) days
    GROUP BY period, "fromDay", "direction", "number", GROUPING SETS (
      ("partnerId", "customerId", "pbxId", "area"), ("partnerId", "customerId", "pbxId"),
      ("partnerId", "customerId", "area"), ("partnerId", "customerId"),
      ("partnerId", "area"), ("partnerId"),
      ("area"), ())
  ) grouped
  WHERE "allAreas" OR "area" IS NOT NULL
) ranked
WHERE rank <= 10;
