import { beforeAll, expect, it } from "vitest";
import { storedCall } from "@/lib/testing/calls";
import { makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { rateArrivals } from "./rate-arrivals";
import { refreshRollupsForMonths } from "./rollups/refresh";

const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-02T12:00:00Z");
let tenants: Tenant[];

beforeAll(async () => {
  // Two partners a day apart at midnight: UTC+14 and UTC-10, so a call's day label is not its UTC day.
  tenants = [await makeTenant(prisma), await makeTenant(prisma)];
  for (const [tenant, timeZone] of [
    [tenants[0], "Pacific/Kiritimati"],
    [tenants[1], "Pacific/Honolulu"],
  ] as const)
    await prisma.partner.update({ where: { id: tenant.partner.id }, data: { timeZone } });
});

/** Every roll-up row of the tenants' PBXs, as comparable text. */
async function rollups() {
  const pbxId = { in: tenants.map((t) => t.pbx.id) };
  const order = { orderBy: { id: "asc" as const } };
  const strip = <T extends { id: bigint }>(rows: T[]) =>
    rows.map(({ id: _id, ...row }) => JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v))).sort();
  return {
    daily: strip(await prisma.callDailyRollup.findMany({ where: { pbxId }, ...order })),
    hourly: strip(await prisma.callHourlyRollup.findMany({ where: { pbxId }, ...order })),
    numbers: strip(await prisma.callNumberDailyRollup.findMany({ where: { pbxId }, ...order })),
    users: strip(await prisma.callUserDailyRollup.findMany({ where: { pbxId }, ...order })),
  };
}

it("rolls up exactly the days and hours its rating wrote: the same rows as a whole month's rebuild", async () => {
  const at = (day: number, hour: number, minute = 30) => new Date(Date.UTC(2026, 9, day, hour, minute));
  const calls = (tenant: Tenant, starts: Date[], prefix: string) =>
    prisma.callRecord.createMany({
      data: starts.map((startedAt, i) =>
        storedCall(tenant, { externalId: `${prefix}${i}`, startedAt, extension: String(100 + (i % 2)) }),
      ),
    });
  // Three arrivals, the last one late: each rated and rolled up as an import would.
  await calls(tenants[0], [at(5, 9), at(5, 10, 59), at(20, 11)], "a");
  await calls(tenants[1], [at(6, 9), at(21, 23, 10)], "b");
  expect(await rateArrivals(prisma, ["2026-10-01"], undefined, NOW)).toEqual({
    months: ["2026-10-01"],
    // The UTC+14 partner's first call (09:30 UTC on the 5th) is on its 5th, the UTC-10 partner's last on its 21st.
    days: [{ fromDay: new Date("2026-10-05"), toDayExclusive: new Date("2026-10-22") }],
    calls: 5,
  });
  await calls(tenants[0], [at(25, 12)], "c");
  await calls(tenants[1], [at(26, 8)], "d");
  await rateArrivals(prisma, ["2026-10-01"], [tenants[0].pbx.id, tenants[1].pbx.id], NOW);
  await calls(tenants[0], [at(3, 11, 10)], "late");
  await rateArrivals(prisma, ["2026-10-01"], [tenants[0].pbx.id], NOW);
  // Nothing new: nothing rated, nothing rebuilt.
  expect(await rateArrivals(prisma, ["2026-10-01"], undefined, NOW)).toEqual({ months: [], days: [], calls: 0 });

  const incremental = await rollups();
  // The UTC+14 partner's call at 11:30 UTC on the 20th is on its 21st; the hour stays 11:00 UTC.
  expect(incremental.daily.some((r) => r.includes('"day":"2026-10-21T00:00:00.000Z"'))).toBe(true);
  expect(incremental.hourly.some((r) => r.includes('"hour":"2026-10-20T11:00:00.000Z"'))).toBe(true);
  await refreshRollupsForMonths(prisma, ["2026-10-01"], NOW);
  expect(await rollups()).toEqual(incremental);
});
