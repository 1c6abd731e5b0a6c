import { describe, expect, it } from "vitest";
import { usageSummary } from "@/lib/cdr/statistics/usage-summary";
import { listPbxs } from "@/lib/pbx/list-pbxs";
import { refreshCallRollups } from "@/lib/cdr/rollups/refresh";
import { catalogueInForce } from "@/lib/pricing/catalogue";
import { listAuditEntries } from "@/lib/audit/list-audit";
import { adminOverview } from "@/lib/admin/overview";
import { complianceProfiles, documentExpiry, expiringDocumentCount } from "@/lib/activations/compliance-profile";
import { createTestDatabase } from "@/lib/testing/test-database";
import { makeTier, makeTwoTenants } from "@/lib/testing/fixtures";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);

async function addCall(tenant: typeof a, seconds: number, cost: string, endUserCost: string) {
  await prisma.callRecord.create({
    data: {
      partnerId: tenant.partner.id,
      customerId: tenant.customer.id,
      pbxId: tenant.pbx.id,
      externalId: `call-${seconds}`,
      direction: "OUTBOUND",
      fromE164: "+4989123450",
      toE164: "+4930123456",
      startedAt: new Date(),
      durationSeconds: seconds,
      cost,
      endUserCost,
      currency: "EUR",
    },
  });
}
await addCall(a, 120, "0.10000", "0.15000");
await addCall(b, 600, "2.50000", "3.75000");
await refreshCallRollups(prisma, { from: new Date(), to: new Date() });

describe("tenant isolation", () => {
  it("shows a partner only its own customers' PBXs", async () => {
    expect((await listPbxs(prisma, a.partnerActor)).map((p) => p.id)).toEqual([a.pbx.id]);
    expect((await listPbxs(prisma, b.partnerActor)).map((p) => p.id)).toEqual([b.pbx.id]);
    expect((await listPbxs(prisma, admin)).map((p) => p.id).sort()).toEqual([a.pbx.id, b.pbx.id].sort());
  });

  it("shows an end user only its own company's PBXs", async () => {
    expect((await listPbxs(prisma, a.endUserActor)).map((p) => p.id)).toEqual([a.pbx.id]);
  });

  it("counts only the actor's own calls", async () => {
    expect(await usageSummary(prisma, a.partnerActor)).toMatchObject({
      calls: 1,
      minutes: 2,
      costs: [{ currency: "EUR", purchase: "0.10", endUser: "0.15" }],
    });
    expect(await usageSummary(prisma, b.endUserActor)).toMatchObject({
      calls: 1,
      minutes: 10,
      // An end user sees the End User price only (issue 29).
      costs: [{ currency: "EUR", endUser: "3.75" }],
    });
    expect(await usageSummary(prisma, admin)).toMatchObject({
      calls: 2,
      costs: [{ currency: "EUR", purchase: "2.60", endUser: "3.90" }],
    });
  });

  it("gives a partner the End User list and its own tier's, and no other tier's prices", async () => {
    const endUser = await prisma.priceListTier.upsert({
      where: { code: "END_USER" },
      update: {},
      create: { code: "END_USER", name: "End User", sortOrder: -1 },
    });
    const bronze = await makeTier(prisma, "BRONZE");
    const gold = await makeTier(prisma, "GOLD");
    for (const tier of [endUser, gold, bronze]) {
      await prisma.priceList.create({
        data: {
          tierId: tier.id,
          name: `${tier.code} 2026`,
          currency: "EUR",
          validFrom: new Date("2026-01-01"),
          smsRate: "0.05",
        },
      });
    }
    const own = await catalogueInForce(prisma, a.partnerActor, undefined);
    expect(own.catalogue?.tier.code).toBe("GOLD");
    expect(own.tiers.map((t) => t.code)).toEqual(["END_USER", "GOLD"]);
    expect((await catalogueInForce(prisma, a.partnerActor, "END_USER")).catalogue?.tier.code).toBe("END_USER");
    await expect(catalogueInForce(prisma, a.partnerActor, "BRONZE")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await catalogueInForce(prisma, admin, "BRONZE")).catalogue?.tier.code).toBe("BRONZE");
  });

  it("refuses admin-only reads to partners and end users", async () => {
    for (const actor of [a.partnerActor, a.endUserActor]) {
      await expect(listAuditEntries(prisma, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(adminOverview(prisma, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(catalogueInForce(prisma, a.endUserActor, undefined)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows a partner only its own customers' compliance profiles and expiring documents", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const required = await prisma.requiredDocument.create({
      data: {
        countryCode: b.customer.countryCode,
        name: "Proof of address",
        description: "Utility bill",
        mandatory: true,
        validityMonths: 3,
      },
    });
    const file = await prisma.storedFile.create({
      data: {
        driver: "local",
        storageKey: "k-b",
        fileName: "bill.pdf",
        contentType: "application/pdf",
        sizeBytes: 10,
        sha256: "0".repeat(64),
        partnerId: b.partner.id,
      },
    });
    await prisma.complianceDocument.create({
      data: {
        customerId: b.customer.id,
        requiredDocumentId: required.id,
        fileId: file.id,
        acceptedAt: now,
        expiresAt: new Date("2026-12-10T00:00:00Z"),
      },
    });

    expect((await complianceProfiles(prisma, a.partnerActor, now)).map((p) => p.id)).toEqual([a.customer.id]);
    const [profileB] = await complianceProfiles(prisma, b.partnerActor, now);
    expect(profileB).toMatchObject({
      id: b.customer.id,
      needsAttention: 1,
      documents: [{ name: "Proof of address", expiry: "EXPIRING" }],
    });
    expect((await complianceProfiles(prisma, admin, now)).map((p) => p.id).sort()).toEqual(
      [a.customer.id, b.customer.id].sort(),
    );
    expect(await expiringDocumentCount(prisma, a.partnerActor, now)).toBe(0);
    expect(await expiringDocumentCount(prisma, b.partnerActor, now)).toBe(1);
    await expect(complianceProfiles(prisma, b.endUserActor, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("document expiry", () => {
  const now = new Date("2026-11-23T10:00:00Z");
  it("flags a document from 30 days before it expires", () => {
    expect(documentExpiry(null, now)).toBe("VALID");
    expect(documentExpiry(new Date("2026-12-24T10:00:00Z"), now)).toBe("VALID");
    expect(documentExpiry(new Date("2026-12-23T10:00:00Z"), now)).toBe("EXPIRING");
    expect(documentExpiry(now, now)).toBe("EXPIRED");
  });
});
