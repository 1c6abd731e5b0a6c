import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isValidPhoneNumber } from "libphonenumber-js/max";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complianceProfiles } from "@/lib/activations/compliance-profile";
import { actorFromUser } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { readStoredFile } from "@/lib/storage";
import { localDriver } from "@/lib/storage/local-driver";
import { createTestDatabase } from "@/lib/testing/test-database";
import type { PrismaClient } from "../generated/client";
import { seedDemoFiles, type DemoFilesSummary } from "./demo-files";
import { REQUIRED_DOCUMENT_FORMS } from "./documents";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDatabase } from "./index";

const NOW = new Date("2026-11-18T09:30:00Z");

/** Row counts of every table the seed writes. */
async function counts(db: PrismaClient) {
  return {
    countries: await db.country.count(),
    requiredDocuments: await db.requiredDocument.count(),
    tiers: await db.priceListTier.count(),
    priceLists: await db.priceList.count(),
    flatFeeBands: await db.flatFeeBand.count(),
    numberPrices: await db.numberPrice.count(),
    freephoneRates: await db.freephoneMinuteRate.count(),
    areaRates: await db.areaRate.count(),
    partners: await db.partner.count(),
    customers: await db.customer.count(),
    users: await db.user.count(),
    pbxs: await db.pbx.count(),
    pbxLicenses: await db.pbxLicense.count(),
    services: await db.classoundService.count(),
    phoneNumbers: await db.phoneNumber.count(),
    callRecords: await db.callRecord.count(),
  };
}

/** A fingerprint of the generated data, compared across databases. */
async function sample(db: PrismaClient) {
  const pbxs = await db.pbx.findMany({
    orderBy: { id: "asc" },
    select: { id: true, serial: true, termStart: true, termExpiry: true },
  });
  const totals = await db.callRecord.aggregate({ _sum: { cost: true, durationSeconds: true }, _count: true });
  const firstCalls = await db.callRecord.findMany({
    orderBy: { id: "asc" },
    take: 20,
    select: { pbxId: true, fromE164: true, toE164: true, startedAt: true, durationSeconds: true, cost: true },
  });
  const assigned = await db.phoneNumber.findMany({
    where: { status: "ASSIGNED" },
    orderBy: { e164: "asc" },
    select: { e164: true, pbxId: true },
  });
  return {
    pbxs,
    calls: { count: totals._count, cost: totals._sum.cost?.toString(), seconds: totals._sum.durationSeconds },
    firstCalls: firstCalls.map((call) => ({ ...call, cost: call.cost?.toString() ?? null })),
    assigned,
  };
}

// One database for the seed's tests and then the demo files' (a full seed is this file's cost: the
// demo files go on the one the seed's tests leave, decision 0050).
const { prisma: db } = await createTestDatabase();

describe("seedDatabase", () => {
  let afterFirst: Awaited<ReturnType<typeof counts>>;

  beforeAll(async () => {
    const summary = await seedDatabase(db, NOW);
    afterFirst = await counts(db);
    expect(summary.created.callRecords).toBe(afterFirst.callRecords);
  }, 120_000);

  it("meets the demo data spec", async () => {
    expect(afterFirst.countries).toBeGreaterThanOrEqual(40);
    const areas = await db.country.groupBy({ by: ["callTerminationArea"], orderBy: { callTerminationArea: "asc" } });
    expect(areas.map((a) => a.callTerminationArea)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(afterFirst.tiers).toBe(4);
    expect(afterFirst.priceLists).toBe(4);
    expect(afterFirst.partners).toBe(3);
    expect(afterFirst.customers).toBe(10);
    expect(afterFirst.pbxs).toBe(25);

    const pbxs = await db.pbx.findMany();
    expect(new Set(pbxs.map((p) => p.licensePlan))).toEqual(new Set(["MONTHLY", "YEARLY", "FIVE_YEAR", "LIFETIME"]));
    expect(pbxs.filter((p) => p.licensePlan === "LIFETIME").every((p) => p.termExpiry === null)).toBe(true);
    expect(pbxs.some((p) => Number(p.softwareVersion.split(".")[0]) < 5)).toBe(true);
    expect(pbxs.every((p) => /^CS-[0-9A-F]{4}-[0-9A-F]{4}$/.test(p.serial))).toBe(true);

    const services = await db.classoundService.findMany({ include: { pbx: true } });
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) {
      // R1: only eligible PBXs can have the service.
      expect(service.pbx.licensePlan).not.toBe("LIFETIME");
      expect(Number(service.pbx.softwareVersion.split(".")[0])).toBeGreaterThanOrEqual(5);
      expect(service.expiresAt).toEqual(service.pbx.termExpiry);
    }

    const numberCountries = await db.phoneNumber.groupBy({ by: ["countryCode"] });
    expect(numberCountries).toHaveLength(10);

    expect(afterFirst.callRecords).toBeGreaterThan(1000);
    const longest = await db.callRecord.aggregate({ _max: { durationSeconds: true } });
    expect(longest._max.durationSeconds).toBeLessThanOrEqual(14_400);
  });

  it("gives calls a user, a disposition and a call id, in monthly partitions", async () => {
    const outbound = await db.callRecord.groupBy({
      by: ["pbxId", "extension"],
      where: { direction: "OUTBOUND" },
      _count: true,
    });
    expect(outbound.every((g) => g.extension !== null)).toBe(true);
    const usersPerPbx = new Map<string, number>();
    for (const g of outbound) usersPerPbx.set(g.pbxId, (usersPerPbx.get(g.pbxId) ?? 0) + 1);
    expect(Math.max(...usersPerPbx.values())).toBeGreaterThan(3);
    const dispositions = await db.callRecord.groupBy({ by: ["disposition"], _max: { durationSeconds: true } });
    expect(dispositions.map((d) => d.disposition).sort()).toEqual(["ANSWERED", "BUSY", "FAILED", "NO_ANSWER"]);
    for (const d of dispositions) if (d.disposition !== "ANSWERED") expect(d._max.durationSeconds).toBe(0);
    // R5 per user: no extension gets more than 3000 free Area 1 minutes in a month (the partner's, decision 0041).
    const free = await db.$queryRaw<{ freeSeconds: bigint }[]>`
      SELECT max(s) AS "freeSeconds" FROM (
        SELECT sum(c."durationSeconds" - c."billedSeconds") AS s
        FROM "CallRecord" c JOIN "Partner" p ON p.id = c."partnerId"
        WHERE c.area = 1 AND c.direction = 'OUTBOUND' AND c.disposition = 'ANSWERED'
        GROUP BY c."pbxId", c.extension, date_trunc('month', (c."startedAt" AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone")) t`;
    expect(Number(free[0].freeSeconds)).toBeLessThanOrEqual(3000 * 60);
    const [{ inDefault }] = await db.$queryRaw<
      { inDefault: bigint }[]
    >`SELECT count(*) AS "inDefault" FROM cdr_partitions."CallRecord_default"`;
    expect(Number(inDefault)).toBe(0);
  });

  it("prices its calls with the real rating: every call placed and rated, none left unrated", async () => {
    const [totals] = await db.$queryRaw<
      { calls: bigint; unrated: bigint; unplaced: bigint; charged: bigint; endUserAbove: bigint }[]
    >`
      SELECT count(*) AS calls,
        count(*) FILTER (WHERE "ratedAt" IS NULL OR "unratedReason" IS NOT NULL) AS unrated,
        count(*) FILTER (WHERE "countryCode" IS NULL OR (direction = 'OUTBOUND' AND area IS NULL)) AS unplaced,
        count(*) FILTER (WHERE cost > 0) AS charged,
        count(*) FILTER (WHERE "endUserCost" > cost) AS "endUserAbove"
      FROM "CallRecord"`;
    expect(Number(totals.unrated)).toBe(0);
    expect(Number(totals.unplaced)).toBe(0);
    // Past the included minutes, other areas, FreePhone: the demo's figures have costs, and the End
    // User list prices above the partner's.
    expect(Number(totals.charged)).toBeGreaterThan(Number(totals.calls) / 10);
    expect(Number(totals.endUserAbove)).toBe(Number(totals.charged));
  });

  it("keeps every tenant reference consistent", async () => {
    // The call table has no foreign keys (docs/decisions/0026): every call's PBX must exist and
    // carry the call's customer and partner.
    const calls = await db.callRecord.findMany({
      distinct: ["pbxId"],
      select: { pbxId: true, partnerId: true, customerId: true },
    });
    expect(calls.length).toBeGreaterThanOrEqual(3);
    const pbxs = await db.pbx.findMany({
      where: { id: { in: calls.map((c) => c.pbxId) } },
      select: { id: true, customer: { select: { id: true, partnerId: true } } },
    });
    for (const call of calls) {
      const pbx = pbxs.find((p) => p.id === call.pbxId);
      expect(pbx, `the PBX ${call.pbxId} of a call`).toBeDefined();
      expect(call.customerId).toBe(pbx!.customer.id);
      expect(call.partnerId).toBe(pbx!.customer.partnerId);
    }
    const [{ inconsistent }] = await db.$queryRaw<{ inconsistent: bigint }[]>`
      SELECT count(*) AS inconsistent FROM "CallRecord" c
      LEFT JOIN "Pbx" p ON p.id = c."pbxId" LEFT JOIN "Customer" cu ON cu.id = p."customerId"
      WHERE cu.id IS NULL OR cu.id <> c."customerId" OR cu."partnerId" <> c."partnerId"`;
    expect(Number(inconsistent)).toBe(0);
    const assigned = await db.phoneNumber.findMany({
      where: { status: "ASSIGNED" },
      include: { pbx: { include: { customer: true, service: true } } },
    });
    expect(assigned.length).toBeGreaterThan(0);
    for (const number of assigned) {
      expect(number.partnerId).toBe(number.pbx!.customer.partnerId);
      expect(number.pbx!.service).not.toBeNull();
    }
    for (const login of DEMO_LOGINS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: login.email } });
      expect(user.role).toBe(login.role);
      expect(Boolean(user.partnerId)).toBe(login.role === "PARTNER");
      expect(Boolean(user.customerId)).toBe(login.role === "END_USER");
    }
    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS[0].email } });
    expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("seeds only valid E.164 numbers, each priced in every price list", async () => {
    const numbers = await db.phoneNumber.findMany({ select: { e164: true, countryCode: true, type: true } });
    expect(numbers.filter((n) => !isValidPhoneNumber(n.e164))).toEqual([]);
    const prices = await db.numberPrice.findMany({ select: { priceListId: true, countryCode: true, type: true } });
    const priced = new Set(prices.map((p) => `${p.priceListId}:${p.countryCode}:${p.type}`));
    const lists = await db.priceList.findMany({ select: { id: true } });
    for (const { id } of lists) {
      for (const n of numbers) expect(priced.has(`${id}:${n.countryCode}:${n.type}`)).toBe(true);
    }
  });

  it("prices the tiers Gold < Silver < Bronze < End User", async () => {
    const rates = await db.areaRate.findMany({
      where: { area: 3 },
      include: { priceList: { include: { tier: true } } },
    });
    const byTier = Object.fromEntries(rates.map((r) => [r.priceList.tier.code, Number(r.perMinute)]));
    expect(byTier.GOLD).toBeLessThan(byTier.SILVER);
    expect(byTier.SILVER).toBeLessThan(byTier.BRONZE);
    expect(byTier.BRONZE).toBeLessThan(byTier.END_USER);
  });

  it("changes nothing when run again", async () => {
    const before = await sample(db);
    const summary = await seedDatabase(db, NOW);
    expect(summary.insertedRows).toBe(0);
    expect(await counts(db)).toEqual(afterFirst);
    expect(await sample(db)).toEqual(before);
  }, 60_000);

  it("produces the same data in another database from the same `now`", async () => {
    const { prisma: other } = await createTestDatabase();
    await seedDatabase(other, NOW);
    expect(await counts(other)).toEqual(afterFirst);
    expect(await sample(other)).toEqual(await sample(db));
  }, 120_000);
});

const root = await mkdtemp(path.join(os.tmpdir(), "classound-demo-files-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDriver(root);

describe("seedDemoFiles", () => {
  let first: DemoFilesSummary;
  const summary = () => first;
  beforeAll(async () => {
    // Seeded by the tests above; run alone (a name filter), this seeds the database first.
    if ((await db.user.count()) === 0) await seedDatabase(db, NOW);
    first = await seedDemoFiles(db, NOW, driver);
  }, 120_000);

  it("stores a PDF template for every seeded form, readable back", async () => {
    expect(first.templates).toBe(REQUIRED_DOCUMENT_FORMS.size);
    const withTemplate = await db.requiredDocument.findMany({
      where: { templateFileId: { not: null } },
      include: { templateFile: true },
    });
    expect(withTemplate.map((d) => d.id).sort()).toEqual([...REQUIRED_DOCUMENT_FORMS.keys()].sort());
    const file = withTemplate[0].templateFile!;
    expect(file.contentType).toBe("application/pdf");
    expect(file.partnerId).toBeNull();
    const bytes = await readStoredFile(file, driver);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  it("leaves requests in each review state, every document uploaded, none for the first partner", async () => {
    const requests = await db.activationRequest.findMany({ include: { documents: true, partner: true } });
    expect(requests).toHaveLength(first.activationRequests);
    expect(new Set(requests.map((r) => r.status))).toEqual(
      new Set(["SUBMITTED", "CHANGES_REQUESTED", "IN_REVIEW", "REJECTED", "APPROVED"]),
    );
    for (const request of requests) expect(request.documents.every((d) => d.fileId !== null)).toBe(true);
    expect(requests.some((r) => r.partner.name.startsWith("Alpentel"))).toBe(false);
    const changed = requests.find((r) => r.status === "CHANGES_REQUESTED")!;
    expect(changed.documents.filter((d) => d.reviewStatus === "CHANGES_REQUESTED")).toHaveLength(1);
    const approved = requests.find((r) => r.status === "APPROVED")!;
    const service = await db.classoundService.findUniqueOrThrow({
      where: { pbxId: approved.pbxId },
      include: { pbx: true },
    });
    expect(service.status).toBe("ACTIVE");
    expect(service.expiresAt).toEqual(service.pbx.termExpiry);
  });

  it("gives Weber a compliance profile with one document flagged as expiring", async () => {
    const anna = actorFromUser(
      await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS.find((l) => l.role === "PARTNER")!.email } }),
    );
    const [first, ...rest] = await complianceProfiles(db, anna, NOW);
    expect(first.name).toBe("Weber Maschinenbau GmbH");
    expect(first.documents).toHaveLength(summary().complianceDocuments);
    expect(first.documents.map((d) => d.expiry).sort()).toEqual(["EXPIRING", "VALID", "VALID"]);
    expect(rest.every((profile) => profile.needsAttention === 0)).toBe(true);
  });

  it("drafts last month's invoices by the real run, and issues Alpentel's", async () => {
    const invoices = await db.invoice.findMany({ include: { partner: { select: { name: true } }, lines: true } });
    expect(invoices).toHaveLength(summary().invoices);
    expect(summary().invoices).toBeGreaterThanOrEqual(1);
    const alpentel = invoices.find((i) => i.partner.name.startsWith("Alpentel"))!;
    expect(alpentel.status).toBe("ISSUED");
    expect(alpentel.number).toMatch(/^\d{4}-\d{6}$/);
    expect(alpentel.lines.length).toBeGreaterThan(0);
    // Alpentel is German with a valid VAT number: reverse charge.
    expect(alpentel.reverseCharge).toBe(true);
    expect(invoices.filter((i) => i !== alpentel).every((i) => i.status === "DRAFT")).toBe(true);
  });

  it("adds nothing when run again", async () => {
    const files = await db.storedFile.count();
    expect(await seedDemoFiles(db, NOW, driver)).toEqual({
      templates: 0,
      activationRequests: 0,
      complianceDocuments: 0,
      invoices: 0,
    });
    expect(await db.storedFile.count()).toBe(files);
  });
});
