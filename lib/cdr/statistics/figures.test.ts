import { describe, expect, it } from "vitest";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { cdrRangeRankingJob, cdrSevenDayRankingJob } from "@/lib/jobs/cdr-jobs";
import { makePbx, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { FIGURE_NAMES, statisticsFigure, type TFigureName, type TFigures } from "./figures";
import { listCalls } from "./call-list";
import { parseStatisticsFilters, type TStatisticsFilters } from "./filters";
import { insertSyntheticCalls, syntheticCalls } from "./test-calls";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const aSecondPbx = await makePbx(prisma, a.customer.id);
const from = new Date("2026-10-01T00:00:00Z");
const now = new Date("2026-11-20T12:00:00Z");
const keys = (t: { partner: { id: string }; customer: { id: string } }, pbxId: string) => ({
  partnerId: t.partner.id,
  customerId: t.customer.id,
  pbxId,
});
await insertSyntheticCalls(prisma, keys(a, a.pbx.id), { count: 400, from, days: 61, seed: 1 });
await insertSyntheticCalls(prisma, keys(a, aSecondPbx.id), { count: 150, from, days: 61, seed: 2 });
await insertSyntheticCalls(prisma, keys(b, b.pbx.id), { count: 250, from, days: 61, seed: 3 });
// Seen from `now`: the seven days ranked are those of the "7 days" preset at `now`.
await refreshCallRollups(prisma, { from, to: new Date("2026-11-30T23:59:59Z") }, now);

const filters = (query: Record<string, string>): TStatisticsFilters => parseStatisticsFilters(query);
// The partners are in Berlin (the factories' zone): their October ends at 23:00 UTC on the 31st.
const BERLIN_NOVEMBER = new Date("2026-10-31T23:00:00Z");
const FILTER_CASES: Record<string, string>[] = [
  {},
  { preset: "last_month" },
  { preset: "7d" },
  { preset: "today" },
  { preset: "custom", from: "2026-10-17", to: "2026-10-17" },
  { preset: "custom", from: "2026-10-28", to: "2026-11-03" },
  { preset: "7d", area: "1", direction: "OUTBOUND" },
  { preset: "custom", from: "2026-10-05", to: "2026-11-10" },
  { preset: "last_month", direction: "OUTBOUND" },
  { preset: "last_month", area: "1" },
  { preset: "last_month", pbx: a.pbx.id, direction: "INBOUND" },
  { preset: "last_month", number: "+4930123456" },
  // Part of a number: the PBX's own number (+4989123450) and another party's hold "4989"; a "+" anchors.
  { preset: "last_month", number: "4989" },
  { preset: "last_month", number: "+4930", direction: "OUTBOUND" },
  { number: "0100" },
  { preset: "last_month", customer: a.customer.id, area: "2" },
  { preset: "last_month", partner: a.partner.id },
  { customer: a.customer.id, direction: "INBOUND" },
  { preset: "custom", from: "2026-10-01", to: "2026-10-31", area: "1" },
];
const ACTORS = { admin, partnerA: a.partnerActor, endUserA: a.endUserActor, partnerB: b.partnerActor };
const job = { db: prisma, sendMail: null, now: () => now, enqueue: async () => {} };

/**
 * A figure as a dashboard ends up showing it: top numbers over a range no period ranking answers is
 * "pending" at first, its job (queued once) ranks it, and the next read has it.
 */
async function shown<K extends TFigureName>(
  context: Parameters<typeof statisticsFigure>[1],
  name: K,
): Promise<TFigures[K]> {
  const queued: string[] = [];
  const read = () => statisticsFigure(prisma, context, name, "rollup", async (id) => void queued.push(id));
  const first = await read();
  if (name !== "topNumbers" || (first as TFigures["topNumbers"]).ranking === "ready") return first;
  expect(first).toEqual({ ranking: "pending", numbers: [], workerAlive: false });
  expect(queued).toHaveLength(1);
  await cdrRangeRankingJob.run(job, { rangeTopId: queued[0] });
  const second = await read();
  expect(queued).toHaveLength(1);
  return second;
}

describe("statistics figures: roll-ups against the raw call table", () => {
  for (const [actorName, actor] of Object.entries(ACTORS)) {
    for (const query of FILTER_CASES) {
      it(`${actorName} ${JSON.stringify(query)}: every figure from the roll-ups equals the raw GROUP BY`, async () => {
        for (const name of FIGURE_NAMES) {
          const context = { actor, filters: filters(query), now };
          const [rollup, raw] = await Promise.all([
            shown(context, name),
            statisticsFigure(prisma, context, name, "raw"),
          ]);
          expect(rollup, name).toEqual(raw);
        }
      });
    }
  }

  it("has data in the cases compared, so the comparison is not of two empty answers", async () => {
    const total = await statisticsFigure(
      prisma,
      { actor: admin, filters: filters({ preset: "last_month" }), now },
      "answered",
    );
    const octoberCalls = [1, 2, 3].flatMap((seed, i) =>
      syntheticCalls(keys(a, "x"), { count: [400, 150, 250][i], from, days: 61, seed }).filter(
        (c) => (c.startedAt as Date) < BERLIN_NOVEMBER,
      ),
    );
    expect(total.calls).toBe(octoberCalls.length);
    expect(total.answeredCalls).toBe(octoberCalls.filter((c) => c.durationSeconds > 0).length);
    for (const name of ["perDay", "hourOfWeek", "byArea", "topDestinations", "userUse"] as const) {
      expect(
        (
          await statisticsFigure(
            prisma,
            { actor: a.partnerActor, filters: filters({ preset: "last_month" }), now },
            name,
          )
        ).length,
        name,
      ).toBeGreaterThan(0);
    }
    expect(
      (
        await statisticsFigure(
          prisma,
          { actor: a.partnerActor, filters: filters({ preset: "last_month" }), now },
          "topNumbers",
        )
      ).numbers.length,
    ).toBeGreaterThan(0);
  });

  it("tells a stale roll-up from the raw rows (the oracle can fail)", async () => {
    const late = syntheticCalls(keys(b, b.pbx.id), {
      count: 1,
      from: new Date("2026-10-03T00:00:00Z"),
      days: 1,
      seed: 9,
    });
    const created = await prisma.callRecord.create({ data: late[0] });
    const context = { actor: b.partnerActor, filters: filters({ preset: "last_month" }), now };
    expect(await statisticsFigure(prisma, context, "answered")).not.toEqual(
      await statisticsFigure(prisma, context, "answered", "raw"),
    );
    await refreshCallRollups(prisma, { from: created.startedAt, to: created.startedAt }, now);
    expect(await statisticsFigure(prisma, context, "answered")).toEqual(
      await statisticsFigure(prisma, context, "answered", "raw"),
    );
  });

  const sevenDayRankingRows = () =>
    prisma.callNumberTop.count({ where: { period: "SEVEN_DAYS", fromDay: new Date("2026-11-14T00:00:00Z") } });
  const inflate = (period: string, fromDay: string) =>
    prisma.$executeRaw`UPDATE "CallNumberTop" SET "calls" = "calls" + 1000 WHERE "period" = ${period}::"CallTopPeriod" AND "fromDay" = ${fromDay}::date`;
  const inflated = (top: TFigures["topNumbers"]) => ({
    ...top,
    numbers: top.numbers.map((r) => ({ ...r, calls: r.calls + 1000 })),
  });
  const refreshDay = (iso: string, at = now) =>
    refreshCallRollups(prisma, { from: new Date(`${iso}T08:00:00Z`), to: new Date(`${iso}T09:00:00Z`) }, at);

  it.each([
    ["a calendar month", "MONTH", "2026-10-01", { preset: "last_month" }, "2026-11-02", "2026-10-17"],
    [
      "one day",
      "DAY",
      "2026-11-02",
      { preset: "custom", from: "2026-11-02", to: "2026-11-02" },
      // Not the day after: a refresh rebuilds the local days either side of the UTC day it is given.
      "2026-11-05",
      "2026-11-02",
    ],
    ["the current seven days", "SEVEN_DAYS", "2026-11-14", { preset: "7d" }, "2026-11-22", "2026-11-17"],
  ])(
    "answers top numbers over %s from its ranking, ranked again by a refresh of a day in it only",
    async (_, period, fromDay, query, outside, inside) => {
      const context = { actor: a.partnerActor, filters: filters(query), now };
      const expected = await statisticsFigure(prisma, context, "topNumbers", "raw");
      expect(expected.numbers.length).toBeGreaterThan(0);
      // A ranking altered by hand shows in the figure: the figure reads it.
      await inflate(period, fromDay);
      expect(await statisticsFigure(prisma, context, "topNumbers")).toEqual(inflated(expected));
      await refreshDay(outside);
      expect(await statisticsFigure(prisma, context, "topNumbers")).toEqual(inflated(expected));
      await refreshDay(inside);
      expect(await statisticsFigure(prisma, context, "topNumbers")).toEqual(expected);
    },
  );

  it("ranks seven days no longer current on demand once a refresh drops their ranking, until the nightly job ranks them", async () => {
    const context = { actor: admin, filters: filters({ preset: "7d" }), now };
    const expected = await statisticsFigure(prisma, context, "topNumbers", "raw");
    expect(expected.numbers.length).toBeGreaterThan(0);
    const built = await sevenDayRankingRows();
    expect(built).toBeGreaterThan(0);
    // A week later the window is not the current one: a refresh of one of its days deletes its ranking.
    const weekLater = new Date("2026-11-27T12:00:00Z");
    await refreshDay("2026-11-17", weekLater);
    expect(await sevenDayRankingRows()).toBe(0);
    expect(await shown(context, "topNumbers")).toEqual(expected);
    // The nightly job, run twice at `now`, ranks the window once.
    await cdrSevenDayRankingJob.run(job, {});
    await cdrSevenDayRankingJob.run(job, {});
    expect(await sevenDayRankingRows()).toBe(built);
    await inflate("SEVEN_DAYS", "2026-11-14");
    expect(await statisticsFigure(prisma, context, "topNumbers")).toEqual(inflated(expected));
    await cdrSevenDayRankingJob.run(job, {});
    expect(await statisticsFigure(prisma, context, "topNumbers")).toEqual(expected);
  });

  it("refreshes idempotently: a second refresh of the same days leaves the same roll-ups", async () => {
    const snapshot = () =>
      prisma.$queryRaw`SELECT count(*)::int AS n, sum(calls)::int AS calls, sum(cost)::text AS cost FROM "CallDailyRollup"`;
    const before = await snapshot();
    await refreshCallRollups(prisma, { from, to: new Date("2026-11-30T00:00:00Z") }, now);
    expect(await snapshot()).toEqual(before);
  });
});

describe("statistics scope", () => {
  const month = { preset: "last_month" };
  const calls = async (actor: (typeof ACTORS)[keyof typeof ACTORS], query: Record<string, string>) =>
    (await statisticsFigure(prisma, { actor, filters: filters(query), now }, "answered")).calls;

  it("gives an end user and a partner only their own customers' calls, an admin all", async () => {
    const [aCalls, bCalls, all] = await Promise.all([
      calls(a.endUserActor, month),
      calls(b.partnerActor, month),
      calls(admin, month),
    ]);
    expect(aCalls).toBeGreaterThan(0);
    expect(bCalls).toBeGreaterThan(0);
    expect(aCalls + bCalls).toBe(all);
    expect(await calls(a.partnerActor, month)).toBe(aCalls);
  });

  it("answers nothing for a foreign PBX, customer or partner in the filters, whichever figure", async () => {
    const foreign: Record<string, string>[] = [
      { pbx: b.pbx.id },
      { customer: b.customer.id },
      { partner: b.partner.id },
    ];
    for (const query of foreign) {
      expect(await calls(a.partnerActor, { ...month, ...query })).toBe(0);
      expect(await calls(a.endUserActor, { ...month, ...query })).toBe(0);
      for (const name of FIGURE_NAMES.filter((n) => n !== "answered")) {
        const none = name === "topNumbers" ? { ranking: "ready", numbers: [] } : [];
        expect(
          await statisticsFigure(
            prisma,
            { actor: a.partnerActor, filters: filters({ ...month, ...query }), now },
            name,
          ),
          name,
        ).toEqual(none);
      }
    }
  });
});

describe("statistics number filter", () => {
  const october = (party: (c: { fromE164: string; toE164: string }) => boolean) =>
    [1, 2].flatMap((seed, i) =>
      syntheticCalls(keys(a, "x"), { count: [400, 150][i], from, days: 61, seed }).filter(
        (c) => (c.startedAt as Date) < BERLIN_NOVEMBER && party(c as never),
      ),
    ).length;
  const count = async (number: string) =>
    (
      await statisticsFigure(
        prisma,
        { actor: a.partnerActor, filters: filters({ preset: "last_month", number }), now },
        "answered",
      )
    ).calls;

  it("finds the calls of a number by its start or any part of its digits, either party", async () => {
    const has = (part: string) => (c: { fromE164: string; toE164: string }) =>
      c.fromE164.includes(part) || c.toE164.includes(part);
    expect(await count("+4930")).toBe(october(has("+4930")));
    expect(await count("+4930")).toBeGreaterThan(0);
    expect(await count("0100")).toBe(october(has("0100")));
    expect(await count("0100")).toBeGreaterThan(0);
    // The PBX's own number: every call has it on one side.
    expect(await count("4989 123 450")).toBe(october(() => true));
    // A "+" anchors at the start: no number starts with +301 though "+4930123456" holds 301.
    expect(await count("+301")).toBe(0);
  });

  it("lists the other parties matching the filter as top numbers, and the calls and their total", async () => {
    const context = { actor: a.partnerActor, filters: filters({ preset: "last_month", number: "4989" }), now };
    const top = await statisticsFigure(prisma, context, "topNumbers");
    expect(top.numbers.map((n) => n.number)).toEqual(expect.arrayContaining(["+4989765432"]));
    expect(top.numbers.every((n) => n.number.includes("4989"))).toBe(true);
    const list = await listCalls(prisma, { ...context, filters: filters({ preset: "last_month", number: "0100" }) });
    expect(list.total).toBe(october((c) => c.toE164.includes("0100") || c.fromE164.includes("0100")));
    expect(list.calls.length).toBe(Math.min(list.total, 50));
    for (const call of list.calls) expect(`${call.fromE164} ${call.toE164}`).toContain("0100");
  });
});

describe("statistics filters", () => {
  it.each([
    [{ preset: "yesterday" }],
    [{ pbx: "1 OR 1=1" }],
    [{ area: "7" }],
    [{ direction: "SIDEWAYS" }],
    [{ preset: "custom", from: "2026-11-01" }],
    [{ preset: "custom", from: "2026-11-10", to: "2026-11-01" }],
    [{ preset: "custom", from: "2026-02-30", to: "2026-03-01" }],
    // Year 0000 parses, and then overflows the day arithmetic (a 500, and a cut export stream).
    [{ preset: "custom", from: "0000-01-01", to: "2026-12-31" }],
    [{ preset: "custom", from: "2026-01-01", to: "9999-12-31" }],
    [{ number: "abc" }],
    [{ number: "12" }],
    [{ page: "1e300" }],
    [{ sort: "password.asc" }],
    [{ unknown: "1" }],
  ])("refuses %j with a 400", (query) => {
    expect(() => parseStatisticsFilters(query)).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
  });

  it("refuses a repeated key and accepts empty values as unset", () => {
    expect(() => parseStatisticsFilters(new URLSearchParams("pbx=a&pbx=b"))).toThrow(
      expect.objectContaining({ code: "BAD_REQUEST" }),
    );
    const parsed = parseStatisticsFilters(new URLSearchParams("preset=7d&pbx=&area=2"));
    expect(parsed).toMatchObject({ preset: "7d", area: 2, page: 1 });
    expect(parsed.pbx).toBeUndefined();
  });
});
