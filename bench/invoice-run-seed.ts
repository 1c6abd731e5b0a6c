import type { Db } from "@/lib/db/client";
import { ensureCallRecordPartitions } from "@/lib/cdr/partitions";

// The invoice bench's month (bench/invoice-run.ts), written set-based: PARTNERS partners in Berlin,
// each with one customer and PBXS PBXs, CALLS calls a PBX a day over November 2026 (30 days) stored
// as rating leaves them (cost, billed seconds and price-list version set, `ratedAt` set, no reason),
// one SMS a PBX a day (a third past the included 200, so priced), and each partner's activation and
// users-added charges of the month. Rows are inserted day by day, all PBXs interleaved, as imports
// of daily files would store them: a partner's calls are spread over the whole partition.

export const BENCH_MONTH = "2026-11";
/** Berlin's November: UTC+1 all month. */
const MONTH_START_UTC = "2026-10-31 23:00:00";
const DAYS = 30;
const id = (kind: string, n: string) => `'c${kind}' || lpad(${n}::text, ${24 - kind.length}, '0')`;

export interface BenchSize {
  partners: number;
  pbxsPerPartner: number;
  callsPerPbxDay: number;
}

/** Rates of the bench's price list (per minute), by Call Termination Area and FreePhone source. */
const AREA_RATES = ["0.01200", "0.05000", "0.09000", "0.30000", "0.60000", "1.20000"];
const FREEPHONE_RATES = { FIXED: "0.02000", MOBILE: "0.04000", PAYPHONE: "0.10000" };

export async function seedInvoiceMonth(db: Db, size: BenchSize) {
  const { partners, pbxsPerPartner, callsPerPbxDay } = size;
  const pbxs = partners * pbxsPerPartner;
  await db.$executeRawUnsafe(`INSERT INTO "Country" (code, name, "dialCode", "isEu", "callTerminationArea", "updatedAt")
    VALUES ('DE', 'Germany', '49', true, 1, now()) ON CONFLICT DO NOTHING`);
  await db.$executeRawUnsafe(
    `INSERT INTO "PriceListTier" (id, code, name) VALUES ('cbenchtier0000000000000001', 'GOLD', 'Gold')`,
  );
  await db.$executeRawUnsafe(`INSERT INTO "PriceList" (id, "tierId", name, "validFrom", "smsRate")
    VALUES ('cbenchpricelist00000000001', 'cbenchtier0000000000000001', 'Gold 2026', '2026-01-01', 0.012)`);
  await db.$executeRawUnsafe(`INSERT INTO "AreaRate" (id, "priceListId", area, "perMinute")
    SELECT 'cbencharearate00000000000' || a, 'cbenchpricelist00000000001', a, (ARRAY[${AREA_RATES.join(",")}])[a]
    FROM generate_series(1, 6) a`);
  await db.$executeRawUnsafe(`INSERT INTO "FreephoneMinuteRate" (id, "priceListId", "countryCode", source, "perMinute")
    VALUES ${Object.entries(FREEPHONE_RATES)
      .map(
        ([source, rate], i) =>
          `('cbenchfreephone0000000000${i}', 'cbenchpricelist00000000001', 'DE', '${source}', ${rate})`,
      )
      .join(", ")}`);

  await db.$executeRawUnsafe(`INSERT INTO "Partner" (id, name, "tierId", "countryCode", "billingEmail", "timeZone", "updatedAt")
    SELECT ${id("bp", "n")}, 'Bench partner ' || n, 'cbenchtier0000000000000001', 'DE',
      'billing-' || n || '@bench.example', 'Europe/Berlin', now()
    FROM generate_series(1, ${partners}) n`);
  await db.$executeRawUnsafe(`INSERT INTO "PartnerTierPeriod" (id, "partnerId", "tierId", "validFrom")
    SELECT ${id("bt", "n")}, ${id("bp", "n")}, 'cbenchtier0000000000000001', '1970-01-01' FROM generate_series(1, ${partners}) n`);
  await db.$executeRawUnsafe(`INSERT INTO "Customer" (id, "partnerId", name, "countryCode", "updatedAt")
    SELECT ${id("bc", "n")}, ${id("bp", "n")}, 'Bench customer ' || n, 'DE', now() FROM generate_series(1, ${partners}) n`);
  // PBX x belongs to partner 1 + x / pbxsPerPartner (x from 0).
  const partnerOfPbx = `(1 + x / ${pbxsPerPartner})`;
  await db.$executeRawUnsafe(`INSERT INTO "Pbx" (id, serial, name, "customerId", "licensePlan", "termStart", "termExpiry", "softwareVersion", "updatedAt")
    SELECT ${id("bx", "x")}, 'BENCH-' || x, 'PBX ' || lpad((x % ${pbxsPerPartner})::text, 3, '0'), ${id("bc", partnerOfPbx)},
      'YEARLY', '2026-05-01', '2027-05-01', '6.01.20240310.2', now()
    FROM generate_series(0, ${pbxs - 1}) x`);
  await db.$executeRawUnsafe(
    `INSERT INTO "PbxLicense" ("pbxId", type, quantity) SELECT ${id("bx", "x")}, 'BASIC', 5 FROM generate_series(0, ${pbxs - 1}) x`,
  );
  await db.$executeRawUnsafe(`INSERT INTO "ClassoundService" (id, "pbxId", "activatedAt", "expiresAt", "updatedAt")
    SELECT ${id("bs", "x")}, ${id("bx", "x")}, '2026-05-01', '2027-05-01', now() FROM generate_series(0, ${pbxs - 1}) x`);
  // Each partner's first PBX activated on the 3rd, its second got users on the 20th (R3, R4).
  await db.$executeRawUnsafe(`INSERT INTO "ServiceCharge" (id, "partnerId", "serviceId", kind, description, amount, currency, "periodStart", "periodEnd", "createdAt")
    SELECT ${id("bg", "x")}, ${id("bp", partnerOfPbx)}, ${id("bs", "x")},
      CASE WHEN x % ${pbxsPerPartner} = 0 THEN 'ACTIVATION' ELSE 'USERS_ADDED' END::"ServiceChargeKind",
      'CLASSOUND-FLAT-1m: 5 users × 14.90 EUR × prorated = ' || (100 + x % 97) || '.40 EUR', (100 + x % 97) + 0.40, 'EUR',
      '2026-11-03', '2027-05-01', CASE WHEN x % ${pbxsPerPartner} = 0 THEN timestamp '2026-11-03 10:00' ELSE timestamp '2026-11-20 10:00' END
    FROM generate_series(0, ${pbxs - 1}) x WHERE x % ${pbxsPerPartner} < 2`);

  // The month's partition is filled before it is attached: attaching builds its indexes in one sort
  // each, where inserting into four B-trees row by row takes several times as long.
  for (const month of ["2026-10-01Z", "2026-12-01Z"])
    await ensureCallRecordPartitions((sql) => db.$executeRawUnsafe(sql), new Date(month), new Date(month));
  await db.$executeRawUnsafe(
    `CREATE TABLE cdr_partitions."CallRecord_2026_11" (LIKE public."CallRecord" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
  );
  // k, (call + day + PBX) % 20, so any count of calls a day has the whole mix: 0-11 Area 1 out (8-11 past their user's included minutes), 12-14 Areas 2-4, 15-17 FreePhone in
  // by source, 18 in to a plain DID (free, R6), 19 unanswered. Seconds 30-629 spread by a hash.
  const calls = `
    SELECT d, c, x, ${id("bx", "x")} AS pbx, ${id("bc", partnerOfPbx)} AS customer, ${id("bp", partnerOfPbx)} AS partner,
      (c + d + x) % 20 AS k, 30 + ((x * 7919 + d * 104729 + c * 31) % 600) AS secs
    FROM generate_series(0, ${DAYS - 1}) d, generate_series(0, ${callsPerPbxDay - 1}) c, generate_series(0, ${pbxs - 1}) x`;
  await db.$executeRawUnsafe(`
    INSERT INTO cdr_partitions."CallRecord_2026_11" ("partnerId", "customerId", "pbxId", "externalId", direction, "fromE164", "toE164", extension,
      "didE164", "countryCode", area, "numberType", "freephoneSource", "startedAt", "answeredAt", "durationSeconds",
      disposition, "billedSeconds", cost, "endUserCost", currency, "priceListId", "ratedAt")
    SELECT partner, customer, pbx, 'b' || d || '-' || c,
      CASE WHEN k BETWEEN 15 AND 18 THEN 'INBOUND' ELSE 'OUTBOUND' END::"CallDirection",
      '+4930' || (1000000 + x), '+4989' || (2000000 + c), CASE WHEN k BETWEEN 15 AND 18 THEN NULL ELSE (100 + c % 5)::text END,
      CASE WHEN k BETWEEN 15 AND 17 THEN '+49800' || (1000000 + x) WHEN k = 18 THEN '+4930' || (1000000 + x) END,
      'DE', CASE WHEN k < 12 OR k = 19 THEN 1 WHEN k < 15 THEN k - 10 END,
      CASE WHEN k BETWEEN 15 AND 17 THEN 'FREEPHONE' WHEN k = 18 THEN 'GEOGRAPHIC' END::"NumberType",
      (ARRAY['FIXED', 'MOBILE', 'PAYPHONE'])[k - 14]::"FreephoneSource",
      timestamp '${MONTH_START_UTC}' + make_interval(days => d, secs => 28800 + c * 288),
      CASE WHEN k <> 19 THEN timestamp '${MONTH_START_UTC}' + make_interval(days => d, secs => 28800 + c * 288) END,
      CASE WHEN k = 19 THEN 0 ELSE secs END,
      CASE WHEN k = 19 THEN 'NO_ANSWER' ELSE 'ANSWERED' END::"CallDisposition",
      b.billed, round(b.billed * b.rate / 60, 5), round(b.billed * b.rate * 1.25 / 60, 5), 'EUR',
      'cbenchpricelist00000000001', timestamp '2026-12-01 02:00'
    FROM (${calls}) q,
    LATERAL (SELECT CASE WHEN k BETWEEN 8 AND 17 THEN secs ELSE 0 END AS billed,
      CASE WHEN k < 12 THEN ${AREA_RATES[0]} WHEN k < 15 THEN (ARRAY[${AREA_RATES.join(",")}])[k - 10]
        WHEN k < 18 THEN (ARRAY[${Object.values(FREEPHONE_RATES).join(",")}])[k - 14] ELSE 0 END AS rate) b`);

  await db.$executeRawUnsafe(
    `ALTER TABLE public."CallRecord" ATTACH PARTITION cdr_partitions."CallRecord_2026_11" FOR VALUES FROM ('2026-11-01') TO ('2026-12-01')`,
  );

  await db.$executeRawUnsafe(`
    INSERT INTO "SmsRecord" ("partnerId", "customerId", "pbxId", "externalId", direction, "fromE164", "toE164", extension,
      "sentAt", cost, "endUserCost", currency, "ratedAt")
    SELECT ${id("bp", partnerOfPbx)}, ${id("bc", partnerOfPbx)}, ${id("bx", "x")}, 'bs' || d, 'OUTBOUND', '+4930' || (1000000 + x),
      '+4915112345678', '100', timestamp '${MONTH_START_UTC}' + make_interval(days => d, hours => 12),
      CASE WHEN d % 3 = 0 THEN ${AREA_RATES[0]} ELSE 0 END, CASE WHEN d % 3 = 0 THEN 0.015 ELSE 0 END, 'EUR', timestamp '2026-12-01 02:00'
    FROM generate_series(0, ${DAYS - 1}) d, generate_series(0, ${pbxs - 1}) x`);
  await db.$executeRawUnsafe("ANALYZE");
  return { partners, pbxs, calls: pbxs * callsPerPbxDay * DAYS, sms: pbxs * DAYS };
}
