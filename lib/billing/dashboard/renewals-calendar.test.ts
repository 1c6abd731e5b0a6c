import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { LicensePlan } from "@/lib/db/generated/enums";
import { actorOf, makeActiveService, makePbx, makeTenant, makeUser, type Tenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { renewalsCalendar } from "./renewals-calendar";

// The renewals calendar (docs/decisions/0065): the next 90 days by the partner's own calendar days.
const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-15T10:00:00Z");

let mine: Tenant;
let partner: Actor;
const ids: Record<string, string> = {};

async function pbx(
  tenant: Tenant,
  name: string,
  termExpiry: Date | null,
  service?: "running" | "cancelled",
  licensePlan: LicensePlan = "YEARLY",
) {
  const made = await makePbx(prisma, tenant.customer.id, { termExpiry, licensePlan });
  await prisma.pbx.update({ where: { id: made.id }, data: { name } });
  if (service) {
    const s = await makeActiveService(prisma, made);
    if (service === "cancelled")
      await prisma.classoundService.update({ where: { id: s.id }, data: { cancellationRequestedAt: NOW } });
  }
  ids[name] = made.id;
}

beforeAll(async () => {
  mine = await makeTenant(prisma);
  partner = actorOf(await makeUser(prisma, "PARTNER", { partnerId: mine.partner.id }));
  // 23:30 UTC on 30 November is 00:30 on 1 December in Berlin, still 30 November in New York.
  await pbx(mine, "Harbour", new Date("2026-11-30T23:30:00Z"), "running");
  await pbx(mine, "Depot", new Date("2026-12-01T10:00:00Z")); // a licence without CLASSOUND
  await pbx(mine, "Clinic", new Date("2027-01-10T12:00:00Z"), "cancelled");
  await pbx(mine, "Later", new Date("2027-03-01T12:00:00Z"), "running"); // past 90 days
  await pbx(mine, "Forever", null, undefined, "LIFETIME");
  await pbx(mine, "Lapsed", new Date("2026-11-10T12:00:00Z"));
  for (const name of ["F6", "E5", "D4", "C3", "B2", "A1"]) await pbx(mine, name, new Date("2026-12-15T09:00:00Z"));
  // The tenant's own first PBX ends in May 2027: out of the window.
  const other = await makeTenant(prisma);
  await pbx(other, "Not mine", new Date("2026-12-01T10:00:00Z"), "running");
});

const entry = (name: string, licence: boolean, service: boolean, cancelled = false) => ({
  pbxId: ids[name],
  pbxName: name,
  customerName: mine.customer.name,
  licence,
  service,
  cancelled,
});

describe("the renewals calendar", () => {
  it("groups licence and CLASSOUND renewals by the partner's local day, month by month, names limited per day", async () => {
    const calendar = await renewalsCalendar(prisma, partner, { now: NOW });
    expect(calendar).toMatchObject({ timeZone: "Europe/Berlin", days: 90, total: 9 });
    expect(calendar.months).toEqual([
      {
        month: "2026-12",
        count: 8,
        days: [
          { day: "2026-12-01", count: 2, entries: [entry("Depot", true, false), entry("Harbour", true, true)] },
          {
            day: "2026-12-15",
            count: 6,
            entries: ["A1", "B2", "C3", "D4", "E5"].map((name) => entry(name, true, false)),
          },
        ],
      },
      {
        month: "2027-01",
        count: 1,
        days: [{ day: "2027-01-10", count: 1, entries: [entry("Clinic", true, true, true)] }],
      },
    ]);
  });

  it("moves a renewal to the day it falls on in the partner's own zone", async () => {
    await prisma.partner.update({ where: { id: mine.partner.id }, data: { timeZone: "America/New_York" } });
    const calendar = await renewalsCalendar(prisma, partner, { now: NOW });
    expect(calendar.months.map((m) => [m.month, m.count])).toEqual([
      ["2026-11", 1],
      ["2026-12", 7],
      ["2027-01", 1],
    ]);
    const days = calendar.months.flatMap((m) => m.days);
    expect(days.slice(0, 2).map((d) => [d.day, d.entries.map((e) => e.pbxName)])).toEqual([
      ["2026-11-30", ["Harbour"]],
      ["2026-12-01", ["Depot"]],
    ]);
    await prisma.partner.update({ where: { id: mine.partner.id }, data: { timeZone: "Europe/Berlin" } });
  });

  it("is empty for a partner with nothing to renew, and refuses admins and end users", async () => {
    const alone = await makeTenant(prisma);
    const actor = actorOf(await makeUser(prisma, "PARTNER", { partnerId: alone.partner.id }));
    expect(await renewalsCalendar(prisma, actor, { now: NOW })).toMatchObject({ total: 0, months: [] });
    const admin = actorOf(await makeUser(prisma, "ADMIN"));
    await expect(renewalsCalendar(prisma, admin, { now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const endUser = actorOf(await makeUser(prisma, "END_USER", { customerId: mine.customer.id }));
    await expect(renewalsCalendar(prisma, endUser, { now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
