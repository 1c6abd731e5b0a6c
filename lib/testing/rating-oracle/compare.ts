import { Readable } from "node:stream";
import type pg from "pg";
import { CALL_COLUMNS } from "@/lib/cdr/import/call-row";
import { csvLine } from "@/lib/cdr/import/copy-text";
import { createImportRow } from "@/lib/cdr/import/create-import";
import { runCallImport } from "@/lib/cdr/import/import-calls";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import {
  lastsAtMostFourHours,
  rateMonthOracle,
  type OracleCall,
  type OracleRatedCall,
  type OracleRatedSms,
} from "@/lib/cdr/rating/oracle";
import type { Db } from "@/lib/db/client";
import { createRandom } from "@/lib/db/seed/random";
import { Prisma } from "@/lib/db/generated/client";
import type { CallDirection, FreephoneSource, NumberType, UnratedReason } from "@/lib/db/generated/enums";
import { CATALOGUE, INVENTORY, MONTHS, PRICE_LISTS, RATED_MONTH, TIERS, type TierKey } from "./catalogue";
import type { CaseCall, RatingCase } from "./cases";

/**
 * Rates random months with both raters and compares them call by call: the cases' tenants (one
 * partner, customer and PBX each) go in by one INSERT per table, their calls through the real import
 * (one CDR file for all of them), their SMS by one INSERT (rating, not the SMS import, is under test),
 * then the real `rateMonth` for each month, and the oracle on what was stored. With `batches`, the
 * calls and SMS arrive in random batches, each rated incrementally (decision 0052).
 */

/** Cases read back and compared at a time. */
const READ_CASES = 5_000;
const d = (value: string) => new Prisma.Decimal(value);
const tierId = (tier: TierKey) => `orc-tier-${tier.toLowerCase()}`;

/** The catalogue, tiers, price lists and inventory of lib/testing/rating-oracle/catalogue.ts. */
async function createWorld(db: Db) {
  await db.country.createMany({
    data: CATALOGUE.map((c) => ({ code: c.code, name: c.code, dialCode: c.dialCode, callTerminationArea: c.area })),
    skipDuplicates: true,
  });
  await db.priceListTier.createMany({
    data: Object.entries(TIERS).map(([key, code]) => ({ id: tierId(key as TierKey), code, name: key })),
    skipDuplicates: true,
  });
  // The End User tier may exist already (a seeded database): the lists hang on whichever row has the code.
  const endUser = await db.priceListTier.findUniqueOrThrow({ where: { code: TIERS.END_USER } });
  const listTier = (tier: TierKey) => (tier === "END_USER" ? endUser.id : tierId(tier));
  await db.priceList.createMany({
    data: PRICE_LISTS.map((list) => ({
      id: list.id,
      tierId: listTier(list.tier),
      name: list.id,
      validFrom: list.validFrom,
      // Not the Area 1 rate: an SMS priced from this column instead of Area 1 (issue 29, finding 4) shows.
      smsRate: "0.05000",
    })),
    skipDuplicates: true,
  });
  await db.areaRate.createMany({
    data: PRICE_LISTS.flatMap((list) =>
      Object.entries(list.areas).map(([area, perMinute]) => ({ priceListId: list.id, area: Number(area), perMinute })),
    ),
    skipDuplicates: true,
  });
  await db.freephoneMinuteRate.createMany({
    data: PRICE_LISTS.flatMap((list) =>
      list.freephone.map(([countryCode, source, perMinute]) => ({
        priceListId: list.id,
        countryCode,
        source,
        perMinute,
      })),
    ),
    skipDuplicates: true,
  });
  await db.phoneNumber.createMany({ data: INVENTORY, skipDuplicates: true });
  return { endUserTierId: endUser.id, listTier };
}

/** A generated call's times as the oracle reads them. */
const asStored = (call: CaseCall) => ({
  startedAt: new Date(call.startedAt),
  answeredAt: call.answeredAt ? new Date(call.answeredAt) : null,
  durationSeconds: call.duration,
});

/** `INSERT … SELECT FROM unnest(…)`: one statement per table however many rows (createMany is far slower). */
async function insertColumns(pool: pg.Pool, table: string, columns: Record<string, [type: string, values: unknown[]]>) {
  const names = Object.keys(columns);
  const casts = names.map((name, i) => `$${i + 1}::${columns[name][0]}[]`).join(", ");
  await pool.query(
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) SELECT * FROM unnest(${casts})`,
    names.map((name) => columns[name][1]),
  );
}

async function createTenants(pool: pg.Pool, cases: RatingCase[], tag: string) {
  const ids = cases.map((_, i) => ({
    partner: `orc-${tag}-p${i}`,
    customer: `orc-${tag}-c${i}`,
    pbx: `orc-${tag}-x${i}`,
    serial: `ORC-${tag}-${i}`.toUpperCase(),
  }));
  const now = new Date();
  const each = <T>(value: T) => ids.map(() => value);
  await insertColumns(pool, "Partner", {
    id: ["text", ids.map((i) => i.partner)],
    name: ["text", ids.map((i) => i.partner)],
    // The current tier, as onboarding keeps it: the latest period (rating reads the periods, not this).
    tierId: ["text", cases.map((c) => tierId(c.tiers[c.tiers.length - 1].tier))],
    countryCode: ["text", each("DE")],
    billingEmail: ["text", ids.map((i) => `${i.partner}@example.test`)],
    timeZone: ["text", cases.map((c) => c.timeZone)],
    updatedAt: ["timestamp", each(now)],
  });
  const periods = cases.flatMap((c, i) =>
    c.tiers.map((t, j) => ({ id: `${ids[i].partner}-t${j}`, partner: ids[i].partner, ...t })),
  );
  await insertColumns(pool, "PartnerTierPeriod", {
    id: ["text", periods.map((p) => p.id)],
    partnerId: ["text", periods.map((p) => p.partner)],
    tierId: ["text", periods.map((p) => tierId(p.tier))],
    validFrom: ["timestamp", periods.map((p) => p.from.replace("Z", ""))],
  });
  await insertColumns(pool, "Customer", {
    id: ["text", ids.map((i) => i.customer)],
    partnerId: ["text", ids.map((i) => i.partner)],
    name: ["text", each("c")],
    countryCode: ["text", each("DE")],
    updatedAt: ["timestamp", each(now)],
  });
  await insertColumns(pool, "Pbx", {
    id: ["text", ids.map((i) => i.pbx)],
    serial: ["text", ids.map((i) => i.serial)],
    name: ["text", each("p")],
    customerId: ["text", ids.map((i) => i.customer)],
    licensePlan: ['"LicensePlan"', each("YEARLY")],
    termStart: ["timestamp", each("2026-01-01 00:00:00")],
    softwareVersion: ["text", each("6.01.20240310.2")],
    updatedAt: ["timestamp", each(now)],
  });
  return ids;
}

type Tenant = Awaited<ReturnType<typeof createTenants>>[number];
type CaseSms = RatingCase["sms"][number] & Tenant & { externalId: string };

/** Every case's SMS (ids `s<n>`, unique within a PBX), with its tenant. */
const casesSms = (cases: RatingCase[], ids: Tenant[]): CaseSms[] =>
  cases.flatMap((c, i) => c.sms.map((s, j) => ({ ...s, ...ids[i], externalId: `s${j}` })));

async function insertSms(pool: pg.Pool, sms: CaseSms[]) {
  await insertColumns(pool, "SmsRecord", {
    partnerId: ["text", sms.map((s) => s.partner)],
    customerId: ["text", sms.map((s) => s.customer)],
    pbxId: ["text", sms.map((s) => s.pbx)],
    externalId: ["text", sms.map((s) => s.externalId)],
    direction: ['"CallDirection"', sms.map((s) => s.direction)],
    fromE164: ["text", sms.map(() => "+4930901827000")],
    toE164: ["text", sms.map(() => "+4915112347000")],
    extension: ["text", sms.map((s) => s.extension)],
    sentAt: ["timestamp", sms.map((s) => s.sentAt.replace("Z", ""))],
    currency: ["text", sms.map(() => "EUR")],
  });
}

/** A CDR file of `lines`. */
const cdrFile = (lines: string[]) => [CALL_COLUMNS.join(","), ...lines].join("\n") + "\n";

/** Every case's calls as lines of a CDR file (call ids `k<n>`, unique within a PBX). */
function cdrLines(cases: RatingCase[], serials: string[]): string[] {
  const lines: string[] = [];
  cases.forEach((c, i) =>
    c.calls.forEach((call, k) => {
      const row: Record<(typeof CALL_COLUMNS)[number], string> = {
        call_id: `k${k}`,
        pbx: serials[i],
        direction: call.direction,
        from: call.from,
        to: call.to,
        extension: call.extension,
        did: call.did,
        started_at: call.startedAt,
        answered_at: call.answeredAt,
        duration: String(call.duration),
        disposition: call.disposition.toLowerCase(),
        freephone_source: call.source.toLowerCase(),
      };
      lines.push(csvLine(CALL_COLUMNS.map((column) => row[column])));
    }),
  );
  return lines;
}

interface StoredCall extends OracleCall {
  pbxId: string;
  externalId: string;
  country: string | null;
  area: number | null;
  numberType: NumberType | null;
  billedSeconds: number;
  cost: string | null;
  endUserCost: string | null;
  unratedReason: UnratedReason | null;
  rated: boolean;
}

async function storedCalls(pool: pg.Pool, pbxIds: string[]): Promise<StoredCall[]> {
  const { rows } = await pool.query(
    `SELECT id::text AS id, "pbxId", "externalId", direction, "toE164", "didE164", extension,
       "startedAt" AT TIME ZONE 'UTC' AS "startedAt",
       "durationSeconds", disposition, "freephoneSource", "countryCode" AS country, area, "numberType",
       "billedSeconds", cost::text AS cost, "endUserCost"::text AS "endUserCost", "unratedReason",
       "ratedAt" IS NOT NULL AS rated
     FROM "CallRecord" WHERE "pbxId" = ANY($1)`,
    [pbxIds],
  );
  return rows.map((r) => ({ ...r, id: BigInt(r.id), country: r.country?.trim() ?? null }));
}

interface StoredSms {
  id: bigint;
  pbxId: string;
  externalId: string;
  direction: CallDirection;
  extension: string | null;
  sentAt: Date;
  cost: string | null;
  endUserCost: string | null;
  unratedReason: UnratedReason | null;
  rated: boolean;
}

async function storedSms(pool: pg.Pool, pbxIds: string[]): Promise<StoredSms[]> {
  const { rows } = await pool.query(
    `SELECT id::text AS id, "pbxId", "externalId", direction, extension, "sentAt" AT TIME ZONE 'UTC' AS "sentAt",
       cost::text AS cost,
       "endUserCost"::text AS "endUserCost", "unratedReason", "ratedAt" IS NOT NULL AS rated
     FROM "SmsRecord" WHERE "pbxId" = ANY($1)`,
    [pbxIds],
  );
  return rows.map((r) => ({ ...r, id: BigInt(r.id) }));
}

export interface Mismatch {
  seed: number;
  index: number;
  record: string;
  /** The record as the case generated it. */
  generated: unknown;
  differences: Record<string, { sql: unknown; oracle: unknown }>;
  case: RatingCase;
}

const sameMoney = (stored: string | null, expected: Prisma.Decimal | null) =>
  stored === null || expected === null ? stored === expected : d(stored).equals(expected);
const money = (value: Prisma.Decimal | null) => value?.toFixed(5) ?? null;

function differences(stored: StoredCall | StoredSms, expected: OracleRatedCall | OracleRatedSms | null) {
  const found: Record<string, { sql: unknown; oracle: unknown }> = {};
  const check = (field: string, sql: unknown, oracle: unknown, same = sql === oracle) => {
    if (!same) found[field] = { sql, oracle };
  };
  if (!expected) {
    // Not in the months rated so far: rating must not have touched it.
    check("rated", stored.rated, false);
    return found;
  }
  check("rated", stored.rated, true);
  check("cost", stored.cost, money(expected.cost), sameMoney(stored.cost, expected.cost));
  check(
    "endUserCost",
    stored.endUserCost,
    money(expected.endUserCost),
    sameMoney(stored.endUserCost, expected.endUserCost),
  );
  check("unratedReason", stored.unratedReason, expected.unratedReason);
  if ("country" in expected && "billedSeconds" in stored) {
    check("country", stored.country, expected.country);
    check("area", stored.area, expected.area);
    check("numberType", stored.numberType, expected.numberType);
    check("billedSeconds", stored.billedSeconds, expected.billedSeconds);
  }
  return found;
}

/** The oracle over the world of catalogue.ts: a case's records rated month by month, by id. */
function oracleWorld(world: Awaited<ReturnType<typeof createWorld>>) {
  const priceLists = PRICE_LISTS.map((list) => ({
    id: list.id,
    tierId: world.listTier(list.tier),
    validFrom: list.validFrom,
    areaRates: Object.entries(list.areas).map(([area, perMinute]) => ({ area: Number(area), perMinute: d(perMinute) })),
    freephoneRates: list.freephone.map(([countryCode, source, perMinute]) => ({
      countryCode,
      source: source as FreephoneSource,
      perMinute: d(perMinute),
    })),
  }));
  const countries = CATALOGUE.map((c) => ({ code: c.code, callTerminationArea: c.area }));
  return (spec: RatingCase, records: { calls: StoredCall[]; sms: StoredSms[] }, months: string[]) => {
    const expectedCalls = new Map<bigint, OracleRatedCall>();
    const expectedSms = new Map<bigint, OracleRatedSms>();
    for (const month of months) {
      const rated = rateMonthOracle({
        month,
        timeZone: spec.timeZone,
        tierPeriods: spec.tiers.map((t) => ({ tierId: world.listTier(t.tier), validFrom: new Date(t.from) })),
        endUserTierId: world.endUserTierId,
        priceLists,
        countries,
        inventory: INVENTORY,
        calls: records.calls,
        sms: records.sms,
      });
      rated.calls.forEach((c) => expectedCalls.set(c.id, c));
      rated.sms.forEach((m) => expectedSms.set(m.id, m));
    }
    return { expectedCalls, expectedSms };
  };
}

export interface ComparisonReport {
  cases: number;
  callsGenerated: number;
  /** Generated calls past R14's four hours: the import must refuse exactly these. */
  callsOverFourHours: number;
  callsStored: number;
  smsStored: number;
  /** Records compared in each pass (October alone, then all three months). */
  compared: number;
  /** How many records differ; `mismatches` holds the first of them, `kinds` counts them by field and values. */
  mismatchCount: number;
  kinds: Record<string, number>;
  /** What the oracle made of the records, by kind: proof the cases reach every rule. */
  outcomes: Record<string, number>;
  /** Calls by the country the oracle placed them in ("null": none). */
  countriesPlaced: Record<string, number>;
  mismatches: Mismatch[];
  /** Lines the import refused, by reason: only the calls past four hours (R14) should be. */
  refused: Record<string, number>;
  /**
   * With `batches`: what a full rating of every month changed after the incremental ratings (nothing,
   * when the two paths agree), and what rating after a re-import of a batch changed.
   */
  incremental?: {
    batches: number;
    fullChangedCalls: number;
    fullChangedSms: number;
    reimportChangedCalls: number;
    /** Whether the full rating changed a user's running total. */
    totalsChanged: boolean;
  };
  timings: Record<string, number>;
}

/**
 * Rates what arrived in each month (scope "new"), as an import does but without its roll-ups (rating
 * is under test). Returns how many calls changed.
 */
async function rateNewRecords(db: Db, months: string[]) {
  let calls = 0;
  for (const month of months) calls += (await rateMonth(db, { month, scope: "new" })).calls;
  return calls;
}

/**
 * Imports each case's calls and SMS in `batches` batches, dealt at random: a user's records arrive
 * out of order (a late call re-rates the user's later ones), a month's across batches. Each batch is
 * imported and then rated incrementally (`rateNewRecords`), and the first batch is imported again at
 * the end (every line a duplicate). Returns the import's outcomes and what that last rating changed.
 */
async function importInBatches(
  db: Db,
  pool: pg.Pool,
  { lines, sms, batches, seed, tag }: { lines: string[]; sms: CaseSms[]; batches: number; seed: number; tag: string },
) {
  const random = createRandom(`rating-batches-${seed}`);
  const lineBatches = Array.from({ length: batches }, () => [] as string[]);
  const smsBatches = Array.from({ length: batches }, () => [] as CaseSms[]);
  for (const line of lines) lineBatches[random.int(0, batches - 1)].push(line);
  for (const message of sms) smsBatches[random.int(0, batches - 1)].push(message);
  const refused: Record<string, number> = {};
  const importBatch = async (b: number, name: string) => {
    const { id } = await createImportRow(db, { source: "COMMAND", fileName: `oracle-${tag}-${name}.csv` });
    const outcome = await runCallImport(pool, id, Readable.from([cdrFile(lineBatches[b])]));
    return rateNewRecords(db, MONTHS).then((changed) => ({ outcome, changed }));
  };
  for (let b = 0; b < batches; b++) {
    await insertSms(pool, smsBatches[b]);
    const { outcome } = await importBatch(b, `b${b}`);
    for (const [reason, n] of Object.entries(outcome.report)) refused[reason] = (refused[reason] ?? 0) + n;
  }
  const again = await importBatch(0, "again");
  return { refused, reimportChangedCalls: again.changed };
}

/**
 * Rates `cases` with both raters. First October alone (its neighbours' calls must stay unrated), then
 * September and November too; every stored call and SMS is compared after each pass. With `batches`,
 * the records arrive in that many batches, each rated incrementally, and only the final state is
 * compared; a full rating must then change nothing.
 */
export async function compareRaters(
  db: Db,
  pool: pg.Pool,
  cases: RatingCase[],
  { seed, tag, maxMismatches = 50, batches }: { seed: number; tag: string; maxMismatches?: number; batches?: number },
): Promise<ComparisonReport> {
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - clock);
    if (process.env.ORACLE_DEBUG) console.error(name, timings[name]);
    clock = now;
  };

  const world = await createWorld(db);
  lap("world ms");
  const ids = await createTenants(pool, cases, tag);
  lap("tenants ms");

  const lines = cdrLines(
    cases,
    ids.map((i) => i.serial),
  );
  const sms = casesSms(cases, ids);

  const caseOfPbx = new Map(ids.map((i, index) => [i.pbx, index]));
  const pbxIds = ids.map((i) => i.pbx);
  const rateWithOracle = oracleWorld(world);

  const mismatches: Mismatch[] = [];
  let compared = 0;
  let mismatchCount = 0;
  const kinds: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  const countriesPlaced: Record<string, number> = {};
  let callsStored = 0;
  let smsStored = 0;

  // Read and compared a slice of the PBXs at a time: 100,000 cases' records at once would not fit in memory.
  const pass = async (months: string[]) => {
    [callsStored, smsStored] = [0, 0];
    for (let start = 0; start < pbxIds.length; start += READ_CASES)
      await compareSlice(months, pbxIds.slice(start, start + READ_CASES));
    lap(`read+oracle+compare ${months.join("+")} ms`);
  };
  const compareSlice = async (months: string[], slice: string[]) => {
    const calls = await storedCalls(pool, slice);
    const sms = await storedSms(pool, slice);
    callsStored += calls.length;
    smsStored += sms.length;
    const byCase = new Map<number, { calls: StoredCall[]; sms: StoredSms[] }>();
    const of = (pbxId: string) => {
      const index = caseOfPbx.get(pbxId)!;
      let entry = byCase.get(index);
      if (!entry) byCase.set(index, (entry = { calls: [], sms: [] }));
      return entry;
    };
    calls.forEach((c) => of(c.pbxId).calls.push(c));
    sms.forEach((s) => of(s.pbxId).sms.push(s));

    for (const [index, records] of byCase) {
      const spec = cases[index];
      const { expectedCalls, expectedSms } = rateWithOracle(spec, records, months);
      const report = (stored: StoredCall | StoredSms, expected: OracleRatedCall | OracleRatedSms | null) => {
        compared++;
        const found = differences(stored, expected);
        if (!Object.keys(found).length) return;
        mismatchCount++;
        for (const [field, { sql, oracle }] of Object.entries(found))
          count(kinds, `${field}: sql ${shape(sql)}, oracle ${shape(oracle)}`);
        if (mismatches.length < maxMismatches)
          mismatches.push({
            seed,
            index,
            generated:
              "durationSeconds" in stored
                ? spec.calls[Number(stored.externalId.slice(1))]
                : spec.sms[Number(stored.externalId.slice(1))],
            record: `${"durationSeconds" in stored ? "call" : "sms"} ${stored.externalId} (${months.join("+")})`,
            differences: found,
            case: spec,
          });
      };
      records.calls.forEach((c) => report(c, expectedCalls.get(c.id) ?? null));
      records.sms.forEach((s) => report(s, expectedSms.get(s.id) ?? null));
      if (months.length === MONTHS.length) {
        records.calls.forEach((c) => count(outcomes, callOutcome(c, expectedCalls.get(c.id)!)));
        expectedCalls.forEach((c) => count(countriesPlaced, String(c.country)));
        expectedSms.forEach((s) =>
          count(outcomes, `sms ${s.unratedReason ?? (s.cost!.isZero() ? "free" : "charged")}`),
        );
      }
    }
  };

  let importReport: Record<string, number>;
  let incremental: ComparisonReport["incremental"];
  if (batches) {
    const done = await importInBatches(db, pool, { lines, sms, batches, seed, tag });
    importReport = done.refused;
    lap("import and rate in batches ms");
    await pass(MONTHS);
    const totalsBefore = await usageTotals(pool, pbxIds);
    let [fullChangedCalls, fullChangedSms] = [0, 0];
    for (const month of MONTHS) {
      const changed = await rateMonth(db, { month });
      [fullChangedCalls, fullChangedSms] = [fullChangedCalls + changed.calls, fullChangedSms + changed.sms];
    }
    lap("full rating ms");
    incremental = {
      batches,
      fullChangedCalls,
      fullChangedSms,
      reimportChangedCalls: done.reimportChangedCalls,
      totalsChanged: totalsBefore !== (await usageTotals(pool, pbxIds)),
    };
  } else {
    await insertSms(pool, sms);
    const { id: importId } = await createImportRow(db, { source: "COMMAND", fileName: `oracle-${tag}.csv` });
    importReport = (await runCallImport(pool, importId, Readable.from([cdrFile(lines)]))).report;
    lap("import ms");
    await rateMonth(db, { month: RATED_MONTH });
    lap(`rate ${RATED_MONTH} ms`);
    await pass([RATED_MONTH]);
    for (const month of MONTHS.filter((m) => m !== RATED_MONTH)) await rateMonth(db, { month });
    lap("rate neighbours ms");
    await pass(MONTHS);
  }

  const refused = Object.fromEntries(Object.entries(importReport).filter(([reason]) => reason !== "duplicate call id"));
  const generated = cases.flatMap((c) => c.calls);
  return {
    cases: cases.length,
    callsGenerated: generated.length,
    callsOverFourHours: generated.filter((c) => !lastsAtMostFourHours(asStored(c))).length,
    callsStored,
    smsStored,
    compared,
    mismatchCount,
    kinds,
    outcomes,
    countriesPlaced,
    mismatches,
    refused,
    incremental,
    timings,
  };
}

/** The PBXs' running totals, as one text to compare before and after. */
async function usageTotals(pool: pg.Pool, pbxIds: string[]): Promise<string> {
  const { rows } = await pool.query(
    `SELECT coalesce(string_agg(concat_ws(' ', month, "pbxId", extension, "area1Seconds", "smsSent"), ',' ORDER BY month, "pbxId", extension), '') AS totals
     FROM "IncludedUsageMonth" WHERE "pbxId" = ANY($1)`,
    [pbxIds],
  );
  return rows[0].totals;
}

const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1);

/** The rule a call's rating exercised, as the oracle rated it. */
function callOutcome(call: StoredCall, rated: OracleRatedCall): string {
  const kind =
    call.direction === "OUTBOUND" ? `out area ${rated.area}` : `in ${rated.numberType ?? "not in inventory"}`;
  if (call.disposition !== "ANSWERED") return `${call.direction.toLowerCase()} unanswered`;
  if (rated.unratedReason) return `${kind} ${rated.unratedReason}`;
  if (rated.area === 1 && rated.billedSeconds > 0 && rated.billedSeconds < call.durationSeconds)
    return "out area 1 crossing the included minutes";
  return `${kind} ${rated.billedSeconds > 0 ? "charged" : "free"}`;
}

/** A value as a mismatch kind names it: money as 0 / amount, other values as they are. */
function shape(value: unknown): string {
  if (typeof value === "string" && /^-?\d+\.\d+$/.test(value)) return Number(value) === 0 ? "0" : "amount";
  if (typeof value === "number" && value > 0) return "n";
  return String(value);
}

/** A mismatch as a person reads it: where, which fields, and the case to replay (its SMS summed up). */
export function describeMismatch(m: Mismatch): string {
  const { sms, ...rest } = m.case;
  const sent = sms.filter((s) => s.direction === "OUTBOUND");
  const smsSummary = sms.length
    ? { sent: sent.length, received: sms.length - sent.length, first: sent[0]?.sentAt, last: sent.at(-1)?.sentAt }
    : {};
  return `seed ${m.seed}, case ${m.index}, ${m.record}: ${JSON.stringify(m.differences)}\n  record: ${JSON.stringify(m.generated)}\n  case: ${JSON.stringify({ ...rest, sms: smsSummary })}`;
}
