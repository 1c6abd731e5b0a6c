import { beforeAll, describe, expect, it } from "vitest";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { pbxQuote } from "@/lib/pricing/pbx-quote";
import { pbxDetail } from "./pbx-detail";
import { listPbxs } from "./list-pbxs";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
// 13 Nov in Berlin: 18 of the 30 days of a November term are left.
const now = new Date("2026-11-13T10:00:00Z");

beforeAll(async () => {
  const tier = await prisma.priceListTier.findUniqueOrThrow({ where: { code: "GOLD" } });
  await prisma.priceList.create({
    data: {
      tierId: tier.id,
      name: "Gold 2026",
      currency: "EUR",
      validFrom: new Date("2026-01-01"),
      smsRate: "0.04",
      flatFeeBands: {
        create: [
          { sku: "CLASSOUND-FLAT-1-5", description: "Users 1-5", minUsers: 1, maxUsers: 5, pricePerUser: "10.43" },
        ],
      },
    },
  });
  await prisma.pbx.update({
    where: { id: a.pbx.id },
    data: {
      licensePlan: "MONTHLY",
      termStart: new Date("2026-10-31T23:00:00Z"),
      termExpiry: new Date("2026-11-30T23:00:00Z"),
    },
  });
});

describe("the PBX page", () => {
  it("shows a partner its own PBX with the quote of its first charge", async () => {
    const pbx = await pbxDetail(prisma, a.partnerActor, { pbxId: a.pbx.id, now });
    expect(pbx).toMatchObject({
      id: a.pbx.id,
      userCount: 4,
      customer: { name: a.customer.name },
      reasons: [],
      openRequest: null,
    });
    expect(pbx.quote?.quote).toMatchObject({
      sku: "CLASSOUND-FLAT-1-5",
      users: 4,
      unitPrice: "10.43",
      months: 1,
      termDays: 30,
      effectiveDays: 18,
      amount: "25.03",
      currency: "EUR",
    });
  });

  it("offers no activation to a partner whose agreement is suspended (R9), and says why", async () => {
    expect(await pbxDetail(prisma, a.partnerActor, { pbxId: a.pbx.id, now })).toMatchObject({
      canRequest: true,
      readOnly: false,
    });
    const suspended = { ...a.partnerActor, agreementSuspended: true };
    expect(await pbxDetail(prisma, suspended, { pbxId: a.pbx.id, now })).toMatchObject({
      canRequest: false,
      readOnly: true,
    });
  });

  it("is not found for another partner's PBX, for the partner and for its end user", async () => {
    await expect(pbxDetail(prisma, b.partnerActor, { pbxId: a.pbx.id, now })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(pbxDetail(prisma, b.endUserActor, { pbxId: a.pbx.id, now })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(pbxQuote(prisma, b.partnerActor, { pbxId: a.pbx.id, now })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("shows an admin any PBX, and the same quote", async () => {
    const pbx = await pbxDetail(prisma, admin, { pbxId: a.pbx.id, now });
    expect(pbx.quote?.quote?.amount).toBe("25.03");
  });

  it("shows an end user the PBX but not what the partner pays", async () => {
    const pbx = await pbxDetail(prisma, a.endUserActor, { pbxId: a.pbx.id, now });
    expect(pbx.quote).toBeNull();
    expect(pbx.charges).toEqual([]);
    expect(pbx.requests).toEqual([]);
    await expect(pbxQuote(prisma, a.endUserActor, { pbxId: a.pbx.id, now })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("shows money by the policy's visible prices: both to a partner and an admin, End User prices only to an end user", async () => {
    const prices = async (actor: typeof admin) => (await pbxDetail(prisma, actor, { pbxId: a.pbx.id, now })).prices;
    expect(await prices(a.partnerActor)).toEqual(["purchase", "endUser"]);
    expect(await prices(admin)).toEqual(["purchase", "endUser"]);
    expect(await prices(a.endUserActor)).toEqual(["endUser"]);
  });

  it("says why a lifetime PBX has no quote and cannot be activated", async () => {
    const lifetime = await prisma.pbx.create({
      data: {
        serial: "CS-LIFETIME-1",
        name: "Lifetime",
        customerId: a.customer.id,
        licensePlan: "LIFETIME",
        termStart: new Date("2020-01-01"),
        softwareVersion: "6.0",
        licenses: { create: [{ type: "BASIC", quantity: 2 }] },
      },
    });
    const pbx = await pbxDetail(prisma, a.partnerActor, { pbxId: lifetime.id, now });
    expect(pbx.reasons).toEqual([expect.stringContaining("lifetime license")]);
    expect(pbx.quote).toEqual({ unavailable: expect.stringContaining("lifetime") });
    const row = (await listPbxs(prisma, a.partnerActor, now)).find((r) => r.id === lifetime.id);
    expect(row?.activation).toBe("BLOCKED");
  });
});

describe("the PBX lists", () => {
  it("offer activation only where it can be started, and point to an open request", async () => {
    const rows = await listPbxs(prisma, a.partnerActor, now);
    expect(rows.find((r) => r.id === a.pbx.id)?.activation).toBe("AVAILABLE");
    await prisma.activationRequest.create({
      data: {
        partnerId: a.partner.id,
        customerId: a.customer.id,
        pbxId: a.pbx.id,
        countryCode: a.customer.countryCode,
        createdById: a.partnerActor.userId,
      },
    });
    const after = await listPbxs(prisma, a.partnerActor, now);
    expect(after.find((r) => r.id === a.pbx.id)?.activation).toBe("OPEN_REQUEST");
    const detail = await pbxDetail(prisma, a.partnerActor, { pbxId: a.pbx.id, now });
    expect(detail.openRequest?.status).toBe("DRAFT");
    // The open request is the next step, not a reason.
    expect(detail.reasons).toEqual([]);
    expect(rows.every((r) => r.customerName === a.customer.name)).toBe(true);
  });
});
