import { beforeAll, describe, expect, it } from "vitest";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { storedCall } from "@/lib/testing/calls";
import { makeNumbers, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { pbxOverviewSummary } from "./overview-summary";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const now = new Date("2026-11-13T10:00:00Z");

beforeAll(async () => {
  const numbers = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 3);
  await prisma.phoneNumber.update({ where: { id: numbers[0].id }, data: { emergencyStatus: "ACTIVE" } });
  await makeNumbers(prisma, { partnerId: b.partner.id, pbxId: b.pbx.id }, 5);
  const ticket = { partnerId: a.partner.id, pbxId: a.pbx.id, category: "OTHER" as const, subject: "Help" };
  await prisma.ticket.createMany({
    data: [
      { ...ticket, createdById: a.partnerActor.userId },
      { ...ticket, createdById: a.partnerActor.userId, status: "RESOLVED" },
    ],
  });
  await prisma.callRecord.createMany({
    data: [
      storedCall(a, { startedAt: new Date("2026-11-02T09:00:00Z"), cost: "1.25", endUserCost: "2.50", ratedAt: now }),
      storedCall(a, { startedAt: new Date("2026-11-03T09:00:00Z"), cost: "0.75", endUserCost: "1.50", ratedAt: now }),
      // Not rated yet: counted apart from the money.
      storedCall(a, { startedAt: new Date("2026-11-04T09:00:00Z"), cost: null, endUserCost: null }),
      // Last month: not in this month's figures.
      storedCall(a, { startedAt: new Date("2026-10-20T09:00:00Z"), cost: "9", endUserCost: "9", ratedAt: now }),
      storedCall(b, { startedAt: new Date("2026-11-02T09:00:00Z"), cost: "5", endUserCost: "6", ratedAt: now }),
    ],
  });
  await refreshCallRollups(
    prisma,
    { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-30T23:59:59Z") },
    now,
  );
});

describe("the PBX overview's summary", () => {
  it("gives a partner the numbers, those lacking a location, this month's calls at both prices, and open tickets", async () => {
    expect(await pbxOverviewSummary(prisma, a.partnerActor, { pbxId: a.pbx.id, now })).toEqual({
      numbers: { count: 3, missingLocation: 2 },
      calls: { count: 3, cost: [{ currency: "EUR", purchase: "2.00", endUser: "4.00", unratedCalls: 1 }] },
      openTickets: 1,
    });
  });

  it("gives an end user End User prices only, and no tickets (it has no support)", async () => {
    expect(await pbxOverviewSummary(prisma, a.endUserActor, { pbxId: a.pbx.id, now })).toEqual({
      numbers: { count: 3, missingLocation: 2 },
      calls: { count: 3, cost: [{ currency: "EUR", endUser: "4.00", unratedCalls: 1 }] },
      openTickets: null,
    });
  });

  it("gives an admin both prices", async () => {
    const summary = await pbxOverviewSummary(prisma, admin, { pbxId: a.pbx.id, now });
    expect(summary.calls?.cost).toEqual([{ currency: "EUR", purchase: "2.00", endUser: "4.00", unratedCalls: 1 }]);
  });

  it("counts nothing of another partner's PBX", async () => {
    await expect(pbxOverviewSummary(prisma, b.partnerActor, { pbxId: a.pbx.id, now })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
