import { beforeAll, describe, expect, it } from "vitest";
import { makeCustomer, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { resaleRulesOf } from "./rule";
import { clearResalePricing, resalePricingOverview, searchResaleCustomers, setResalePricing } from "./settings";

// Issue 33: a partner's resale prices (docs/decisions/0063).
const { prisma } = await createTestDatabase();
let t: Awaited<ReturnType<typeof makeTwoTenants>>;

beforeAll(async () => {
  t = await makeTwoTenants(prisma);
});

describe("setting resale prices", () => {
  it("stores a rule for all and one per customer, read by resaleRulesOf, each change audited", async () => {
    const other = await makeCustomer(prisma, t.a.partner.id, "Zeta GmbH");
    await setResalePricing(prisma, t.a.partnerActor, {
      customerId: "",
      basis: "END_USER_MARKUP",
      markupPercent: "12.5",
    });
    const own = await setResalePricing(prisma, t.a.partnerActor, {
      customerId: t.a.customer.id,
      basis: "PURCHASE_MARKUP",
      markupPercent: "1000",
    });
    expect(own).toMatchObject({ basis: "PURCHASE_MARKUP", markupPercent: "1000.00" });
    // Setting again replaces, never adds.
    await setResalePricing(prisma, t.a.partnerActor, {
      customerId: t.a.customer.id,
      basis: "PURCHASE_MARKUP",
      markupPercent: "30",
    });
    const ruleOf = await resaleRulesOf(prisma, t.a.partner.id);
    expect(ruleOf(t.a.customer.id)).toMatchObject({ basis: "PURCHASE_MARKUP", source: "customer" });
    expect(ruleOf(t.a.customer.id).markupPercent.toFixed(2)).toBe("30.00");
    expect(ruleOf(other.id)).toMatchObject({ basis: "END_USER_MARKUP", source: "partner" });
    expect(ruleOf(other.id).markupPercent.toFixed(2)).toBe("12.50");
    const overview = await resalePricingOverview(prisma, t.a.partnerActor);
    expect(overview.forAll).toMatchObject({ basis: "END_USER_MARKUP", markupPercent: "12.50" });
    expect(overview.customers.rows.map((r) => [r.customerId, r.markupPercent])).toEqual([[t.a.customer.id, "30.00"]]);
    const audit = await prisma.auditLog.findMany({
      where: { actorId: t.a.partnerActor.userId, action: "resale.pricing_set" },
    });
    expect(audit).toHaveLength(3);

    await clearResalePricing(prisma, t.a.partnerActor, { customerId: t.a.customer.id });
    expect((await resaleRulesOf(prisma, t.a.partner.id))(t.a.customer.id).source).toBe("partner");
    expect(await prisma.auditLog.count({ where: { action: "resale.pricing_cleared" } })).toBe(1);
    const found = await searchResaleCustomers(prisma, t.a.partnerActor, { q: "zeta" });
    expect(found.rows.map((r) => r.name)).toEqual(["Zeta GmbH"]);
  });

  it("refuses a markup outside 0-1000 % or with more than 2 decimals, beside the field, storing nothing", async () => {
    for (const markupPercent of ["1000.01", "12.345", "-5", "abc", ""])
      await expect(
        setResalePricing(prisma, t.b.partnerActor, { customerId: "", basis: "PURCHASE_MARKUP", markupPercent }),
      ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { markupPercent: [expect.any(String)] } });
    expect(await prisma.resalePricing.count({ where: { partnerId: t.b.partner.id } })).toBe(0);
    // The End User list takes no markup: whatever was typed, 0 is stored.
    const list = await setResalePricing(prisma, t.b.partnerActor, {
      customerId: "",
      basis: "END_USER_LIST",
      markupPercent: "x",
    });
    expect(list.markupPercent).toBe("0.00");
  });

  it("answers another partner's customer as NOT_FOUND and a malformed id as INVALID", async () => {
    await expect(
      setResalePricing(prisma, t.b.partnerActor, {
        customerId: t.a.customer.id,
        basis: "END_USER_LIST",
        markupPercent: "",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(clearResalePricing(prisma, t.b.partnerActor, { customerId: t.a.customer.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      setResalePricing(prisma, t.b.partnerActor, {
        customerId: { not: "" },
        basis: "END_USER_LIST",
        markupPercent: "",
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    const search = await searchResaleCustomers(prisma, t.b.partnerActor, { q: t.a.customer.id });
    expect(search.total).toBe(0);
  });

  it("is the partner's only: admins and end users are refused, a suspended partner may not change", async () => {
    const input = { customerId: "", basis: "END_USER_LIST", markupPercent: "" };
    await expect(setResalePricing(prisma, t.admin, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setResalePricing(prisma, t.a.endUserActor, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resalePricingOverview(prisma, t.a.endUserActor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      setResalePricing(prisma, { ...t.a.partnerActor, agreementSuspended: true }, input),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
