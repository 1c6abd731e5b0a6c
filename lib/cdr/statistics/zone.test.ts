import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { listCalls } from "./call-list";
import { statisticsContext } from "./context";
import { statisticsFigure, type TStatisticsSource } from "./figures";
import { dateRange } from "./filters";
import { usageSummary } from "./usage-summary";
import { dayLabelIn, localMidnight } from "./day-labels";

const label = (day: string) => new Date(`${day}T00:00:00Z`);

describe("day labels in a time zone", () => {
  it("names the local calendar day, whatever the UTC day", () => {
    expect(dayLabelIn(new Date("2026-11-30T23:30:00Z"), "Europe/Berlin")).toEqual(label("2026-12-01"));
    expect(dayLabelIn(new Date("2026-12-01T03:00:00Z"), "America/New_York")).toEqual(label("2026-11-30"));
    expect(dayLabelIn(new Date("2026-12-06T18:30:00Z"), "Asia/Kolkata")).toEqual(label("2026-12-07"));
  });

  it("starts a local day at its own offset, across the October DST change and at half an hour", () => {
    expect(localMidnight(label("2026-10-25"), "Europe/Berlin")).toEqual(new Date("2026-10-24T22:00:00Z"));
    expect(localMidnight(label("2026-10-26"), "Europe/Berlin")).toEqual(new Date("2026-10-25T23:00:00Z"));
    expect(localMidnight(label("2026-12-07"), "Asia/Kolkata")).toEqual(new Date("2026-12-06T18:30:00Z"));
    expect(localMidnight(label("2026-12-07"), "UTC")).toEqual(label("2026-12-07"));
  });

  it("resolves the presets in the zone: at 23:30 UTC on 30 November it is already December in Berlin", () => {
    const now = new Date("2026-11-30T23:30:00Z");
    expect(dateRange({ preset: "today" }, now, "Europe/Berlin")).toEqual({
      from: label("2026-12-01"),
      toExclusive: label("2026-12-02"),
    });
    expect(dateRange({ preset: "this_month" }, now, "Europe/Berlin")).toEqual({
      from: label("2026-12-01"),
      toExclusive: label("2027-01-01"),
    });
    expect(dateRange({ preset: "this_month" }, now, "UTC").from).toEqual(label("2026-11-01"));
  });
});

// Issue 32: statistics count the partner's days and hours. Partner A is in Berlin, partner B in New
// York; each has one call on a day its zone and UTC disagree about.
const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
await prisma.partner.update({ where: { id: b.partner.id }, data: { timeZone: "America/New_York" } });
const now = new Date("2026-12-01T10:00:00Z");
const call = (tenant: typeof a, externalId: string, startedAt: string) => ({
  partnerId: tenant.partner.id,
  customerId: tenant.customer.id,
  pbxId: tenant.pbx.id,
  externalId,
  direction: "OUTBOUND" as const,
  fromE164: "+4930901820",
  toE164: "+4989123456",
  extension: "100",
  countryCode: "DE",
  area: 1,
  startedAt: new Date(startedAt),
  durationSeconds: 60,
  billedSeconds: 60,
  cost: "0.10000",
  endUserCost: "0.20000",
  currency: "EUR",
  ratedAt: now,
});
// Berlin: Tuesday 1 December, 00:30. New York: Monday 30 November, 22:00.
await prisma.callRecord.createMany({
  data: [call(a, "berlin", "2026-11-30T23:30:00Z"), call(b, "new-york", "2026-12-01T03:00:00Z")],
});
await refreshCallRollups(prisma, { from: new Date("2026-11-25T00:00:00Z"), to: now }, now);

// With the view's zones (as the pages ask) the tables of instants are read by plain ranges; without
// them (a context made by hand) each row's local day is computed: both must count the same calls.
const figures = async (actor: Actor, query: Record<string, string>, source: TStatisticsSource, zoned = true) => {
  const { zones, ...unzoned } = await statisticsContext(prisma, actor, query, now);
  const context = zoned ? { ...unzoned, zones } : unzoned;
  return {
    perDay: await statisticsFigure(prisma, context, "perDay", source),
    hourOfWeek: await statisticsFigure(prisma, context, "hourOfWeek", source),
    calls: (await listCalls(prisma, context)).calls.map((c) => c.startedAt),
  };
};
const TODAY_BERLIN = {
  perDay: [{ day: "2026-12-01", direction: "OUTBOUND", calls: 1, seconds: 60 }],
  hourOfWeek: [{ weekday: 2, hour: 0, calls: 1 }],
  calls: ["2026-11-30T23:30:00.000Z"],
};
const MONDAY_NEW_YORK = {
  perDay: [{ day: "2026-11-30", direction: "OUTBOUND", calls: 1, seconds: 60 }],
  hourOfWeek: [{ weekday: 1, hour: 22, calls: 1 }],
  calls: ["2026-12-01T03:00:00.000Z"],
};
const NOTHING = { perDay: [], hourOfWeek: [], calls: [] };

describe.each<TStatisticsSource>(["rollup", "raw"])("statistics in the partner's time zone (%s)", (source) => {
  it("a Berlin partner's 'today' holds its call at 00:30 local, and last month does not", async () => {
    expect(await figures(a.partnerActor, { preset: "today" }, source)).toStrictEqual(TODAY_BERLIN);
    expect(await figures(a.endUserActor, { preset: "today" }, source)).toStrictEqual(TODAY_BERLIN);
    expect(await figures(a.partnerActor, { preset: "last_month" }, source)).toStrictEqual(NOTHING);
  });

  it("a New York partner's call at 03:00 UTC on 1 December is on its Monday 30 November, at 22:00", async () => {
    expect(await figures(b.partnerActor, { preset: "today" }, source)).toStrictEqual(NOTHING);
    expect(await figures(b.partnerActor, { preset: "last_month" }, source)).toStrictEqual(MONDAY_NEW_YORK);
  });

  it("an admin over both partners counts each call on its own partner's day", async () => {
    const day = { preset: "custom", from: "2026-11-30", to: "2026-11-30" };
    expect(await figures(admin, day, source)).toStrictEqual(MONDAY_NEW_YORK);
    expect(await figures(admin, { ...day, partner: a.partner.id }, source)).toStrictEqual(NOTHING);
    const december = { preset: "custom", from: "2026-12-01", to: "2026-12-01" };
    expect(await figures(admin, december, source)).toStrictEqual(TODAY_BERLIN);
    expect(await figures(admin, december, source, false)).toStrictEqual(TODAY_BERLIN);
    expect(await figures(admin, day, source, false)).toStrictEqual(MONDAY_NEW_YORK);
  });
});

it("the home page's call totals end on the partner's today", async () => {
  expect((await usageSummary(prisma, a.partnerActor, 0, now)).calls).toBe(1);
  expect((await usageSummary(prisma, b.partnerActor, 0, now)).calls).toBe(0);
});
