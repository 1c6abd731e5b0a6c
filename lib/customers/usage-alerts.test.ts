import { describe, expect, it } from "vitest";
import { USAGE_ALERT_DEFAULT_PERCENTS } from "@/lib/cdr/alerts/evaluate";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { ZUsageAlertThresholds } from "./schemas";
import { setUsageAlertThresholds, usageAlertThresholds } from "./usage-alerts";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);

describe("the thresholds as typed", () => {
  const parse = (percents: unknown) => ZUsageAlertThresholds.safeParse({ customerId: a.customer.id, percents });
  it("reads commas, spaces and percent signs into ascending, distinct percents", () => {
    expect(parse(" 100, 75 %, 90;75 ").data?.percents).toEqual([75, 90, 100]);
    expect(parse("").data?.percents).toEqual([]);
    // A parsed list parses to itself: the action and the domain function both check it.
    expect(parse([100, 80]).data?.percents).toEqual([80, 100]);
  });
  it("says what is wrong beside the field", () => {
    const messageOf = (percents: unknown) => parse(percents).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(messageOf("eighty")).toEqual([["percents", "Enter whole percents separated by commas, e.g. 80, 100"]]);
    expect(messageOf("0, 50")).toEqual([["percents", "Each threshold is a percent from 1 to 100"]]);
    expect(messageOf("120")).toEqual([["percents", "Each threshold is a percent from 1 to 100"]]);
    expect(messageOf("10, 20, 30, 40, 50, 60")).toEqual([["percents", "Enter at most 5 thresholds"]]);
    expect(parse([50.5]).success).toBe(false);
  });
});

describe("a partner's own thresholds per customer", () => {
  it("starts at the default, is set, and goes back to the default when emptied", async () => {
    expect((await usageAlertThresholds(prisma, a.partnerActor, [a.customer.id])).get(a.customer.id)).toEqual({
      percents: USAGE_ALERT_DEFAULT_PERCENTS,
      isDefault: true,
    });
    await expect(
      setUsageAlertThresholds(prisma, a.partnerActor, { customerId: a.customer.id, percents: "50, 90" }),
    ).resolves.toEqual({ percents: [50, 90], isDefault: false });
    expect(await prisma.usageAlertSetting.findUnique({ where: { customerId: a.customer.id } })).toMatchObject({
      percents: [50, 90],
    });
    expect((await usageAlertThresholds(prisma, a.partnerActor, [a.customer.id])).get(a.customer.id)).toEqual({
      percents: [50, 90],
      isDefault: false,
    });
    expect(
      await prisma.auditLog.count({
        where: { action: "customer.usage_alerts_set", entityId: a.customer.id, actorId: a.partnerActor.userId },
      }),
    ).toBe(1);

    await setUsageAlertThresholds(prisma, a.partnerActor, { customerId: a.customer.id, percents: "" });
    expect(await prisma.usageAlertSetting.count({ where: { customerId: a.customer.id } })).toBe(0);
  });

  it("another partner, an end user and an admin change nothing, and a foreign customer's setting is not shown", async () => {
    await setUsageAlertThresholds(prisma, a.partnerActor, { customerId: a.customer.id, percents: "60" });
    await expect(
      setUsageAlertThresholds(prisma, b.partnerActor, { customerId: a.customer.id, percents: "1" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setUsageAlertThresholds(prisma, a.endUserActor, { customerId: a.customer.id, percents: "1" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      setUsageAlertThresholds(prisma, admin, { customerId: a.customer.id, percents: "1" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.usageAlertSetting.findUnique({ where: { customerId: a.customer.id } })).toMatchObject({
      percents: [60],
    });
    expect((await usageAlertThresholds(prisma, b.partnerActor, [a.customer.id])).has(a.customer.id)).toBe(false);
  });
});
