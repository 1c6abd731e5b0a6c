import { describe, expect, it } from "vitest";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { unsafeEvaluateUsageAlerts } from "./evaluate";

const { prisma } = await createTestDatabase();
const { a, b } = await makeTwoTenants(prisma);
const partnerUser = await makeUser(prisma, "PARTNER", { partnerId: a.partner.id });
const endUser = await makeUser(prisma, "END_USER", { customerId: a.customer.id });
const otherPartnerUser = await makeUser(prisma, "PARTNER", { partnerId: b.partner.id });
const OCT = new Date("2026-10-01T00:00:00Z");
let n = 0;

// Area 1 answered outgoing minutes of one user on 2 October, in calls of at most four hours (R14).
async function talk(tenant: typeof a, extension: string, minutes: number) {
  const lengths = Array.from({ length: Math.ceil(minutes / 240) }, (_, i) => Math.min(240, minutes - i * 240));
  await prisma.callRecord.createMany({
    data: lengths.map((length) => ({
      partnerId: tenant.partner.id,
      customerId: tenant.customer.id,
      pbxId: tenant.pbx.id,
      externalId: `alert-${n++}`,
      direction: "OUTBOUND",
      extension,
      fromE164: "+4989123450",
      toE164: "+4930123456",
      area: 1,
      countryCode: "DE",
      startedAt: new Date("2026-10-02T10:00:00Z"),
      durationSeconds: length * 60,
      cost: 0,
      currency: "EUR",
    })),
  });
}
async function evaluate() {
  await refreshCallRollups(prisma, { from: OCT, to: new Date("2026-10-31T00:00:00Z") });
  return unsafeEvaluateUsageAlerts(prisma, OCT);
}
const titles = async (userId: string) =>
  (await prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((x) => x.title);

describe("usage alerts", () => {
  it("notifies the partner and the end user once when a user passes 80 % and then 100 % of the included minutes", async () => {
    await talk(a, "100", 2399);
    expect(await evaluate()).toBe(0);
    await talk(a, "100", 1);
    expect(await evaluate()).toBe(1);
    expect(await evaluate()).toBe(0);
    await talk(a, "101", 2500); // another user's minutes are not pooled (R5)
    await talk(a, "100", 599);
    expect(await evaluate()).toBe(1); // user 101 at 83 %: its own 80 % alert
    await talk(a, "100", 1);
    expect(await evaluate()).toBe(1);
    const expected = [
      `User 100 of ${a.pbx.name} has used 80 % of the included Area 1 minutes`,
      `User 101 of ${a.pbx.name} has used 80 % of the included Area 1 minutes`,
      `User 100 of ${a.pbx.name} has used 100 % of the included Area 1 minutes`,
    ];
    expect(await titles(partnerUser.id)).toEqual(expected);
    expect(await titles(endUser.id)).toEqual(expected);
    expect(await titles(otherPartnerUser.id)).toEqual([]);
  });

  it("counts SMS against the 200 included and uses the partner's own thresholds for a customer", async () => {
    await prisma.usageAlertSetting.create({ data: { customerId: b.customer.id, percents: [50] } });
    await prisma.smsRecord.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        partnerId: b.partner.id,
        customerId: b.customer.id,
        pbxId: b.pbx.id,
        externalId: `sms-${i}`,
        direction: "OUTBOUND" as const,
        extension: "200",
        fromE164: "+4989123450",
        toE164: "+4915112345678",
        sentAt: new Date("2026-10-03T10:00:00Z"),
        cost: 0,
        currency: "EUR",
      })),
    });
    expect(await evaluate()).toBe(1);
    expect(await titles(otherPartnerUser.id)).toEqual([`User 200 of ${b.pbx.name} has used 50 % of the included SMS`]);
    expect(await prisma.usageAlert.count({ where: { pbxId: b.pbx.id, kind: "SMS", percent: 50 } })).toBe(1);
  });
});
