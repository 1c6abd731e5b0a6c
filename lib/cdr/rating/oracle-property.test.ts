import fc from "fast-check";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { ratingCaseArb } from "@/lib/testing/rating-oracle/cases";
import { compareRaters, describeMismatch } from "@/lib/testing/rating-oracle/compare";
import { createTestDatabase } from "@/lib/testing/test-database";

// The SQL rater (rateMonth) against the oracle (oracle.ts) over random months: a few thousand cases
// from a fixed seed, each its own partner and PBX, imported as one file and rated once, then compared
// call by call and SMS by SMS to the cent (5 decimals) and the unrated reason. The 100,000-case run is
// `npm run bench:rating-oracle`. Then incremental rating (decision 0052): the records of other random
// cases arrive in random batches, each rated as an import rates it, and end as the oracle rates them
// and as a full rating leaves them.

const SEED = 20_261_029;
/** ORACLE_CASES overrides the count (to chase a failure); ORACLE_DEBUG=1 prints each step's time. */
const CASES = Number(process.env.ORACLE_CASES ?? 2_000);
const INCREMENTAL_CASES = Math.ceil(CASES / 4);

const REACHED = [
  "out area 1 crossing the included minutes",
  "out area 1 charged",
  "out area 1 free",
  "out area 2 charged",
  "out area 4 charged",
  "out area null UNKNOWN_NUMBER",
  "out area 6 NO_RATE",
  "out area 1 NO_PRICE_LIST",
  "in FREEPHONE charged",
  "in FREEPHONE NO_FREEPHONE_SOURCE",
  "in FREEPHONE NO_RATE",
  "in GEOGRAPHIC free",
  "in not in inventory free",
  "inbound unanswered",
  "outbound unanswered",
  "sms charged",
  "sms free",
  "sms NO_PRICE_LIST",
];

const SHARED_CODE_COUNTRIES = "US CA AG DO PR GB JE GG IM RU KZ AU CX CC FI AX GP BL".split(" ");

const { prisma, url } = await createTestDatabase();
const pool = new pg.Pool({ connectionString: url, max: 2 });
afterAll(() => pool.end());

it("rates random months exactly as the oracle does", async () => {
  const cases = fc.sample(ratingCaseArb, { seed: SEED, numRuns: CASES });
  const report = await compareRaters(prisma, pool, cases, { seed: SEED, tag: "t" });
  const failures = [
    JSON.stringify(report.kinds, null, 1),
    ...report.mismatches.slice(0, 10).map(describeMismatch),
  ].join("\n");
  // R14: the import refuses exactly the calls past four hours, ringing included; rating never sees them.
  const refused = Object.entries(report.refused);
  expect(refused.filter(([reason]) => !reason.includes("four hours"))).toEqual([]);
  expect(refused.reduce((sum, [, n]) => sum + n, 0)).toBe(report.callsOverFourHours);
  expect(report.callsOverFourHours).toBeGreaterThan(0);
  expect(report.callsStored).toBe(report.callsGenerated - report.callsOverFourHours);
  expect(report.compared).toBeGreaterThan(2 * CASES);
  // The cases reach every rule: each outcome below happened (a generator that stopped reaching one
  // would make the comparison pass without checking it).
  for (const outcome of REACHED) expect(report.outcomes[outcome] ?? 0, outcome).toBeGreaterThan(0);
  // Countries sharing +1, +7, +44, +61, +358 and +590 were all met (Canada by the inventory's toll-free DIDs too).
  expect(Object.keys(report.countriesPlaced)).toEqual(expect.arrayContaining(SHARED_CODE_COUNTRIES));
  expect(report.mismatchCount, `${report.mismatchCount} records differ; the first:\n${failures}`).toBe(0);
}, 120_000);

it("rates records arriving in random batches incrementally as a full rating does", async () => {
  const cases = fc.sample(ratingCaseArb, { seed: SEED + 1, numRuns: INCREMENTAL_CASES });
  const report = await compareRaters(prisma, pool, cases, { seed: SEED + 1, tag: "i", batches: 5 });
  const failures = report.mismatches.slice(0, 10).map(describeMismatch).join("\n");
  expect(report.mismatchCount, `${report.mismatchCount} records differ; the first:\n${failures}`).toBe(0);
  expect(report.compared).toBeGreaterThan(INCREMENTAL_CASES);
  expect(report.callsStored).toBe(report.callsGenerated - report.callsOverFourHours);
  // A full rating after the incremental ones changes no call, no SMS and no user's running total.
  expect(report.incremental).toEqual({
    batches: 5,
    fullChangedCalls: 0,
    fullChangedSms: 0,
    reimportChangedCalls: 0,
    totalsChanged: false,
  });
  // Late arrivals happened: some user's batch held calls earlier than calls already rated.
  expect(report.outcomes["out area 1 crossing the included minutes"]).toBeGreaterThan(0);
}, 120_000);
