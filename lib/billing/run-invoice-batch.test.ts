import { beforeAll, describe, expect, it } from "vitest";
import { rateMonth, rateMonthInTransaction } from "@/lib/cdr/rating/rate-month";
import type { Db } from "@/lib/db/client";
import { invoiceBatches } from "@/lib/jobs/invoice-jobs";
import { makeCountry, makePbx, makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { makePriceList } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { runInvoiceBatch } from "./run-invoice-batch";
import { runInvoiceMonth } from "./run-invoice-month";
import { RUN_LOCKS_ONE_BY_ONE } from "./run-locks";
import { callOf, makeCharge, makeService, sms } from "./testing";

// Batches of partners (docs/decisions/0064): one pass per kind for the whole batch, one transaction
// for its drafts, each partner with its own outcome, and the same drafts as runs of one partner.
const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-02T08:00:00Z");
const MONTH = "2026-10";
const AREA_4 = { countryCode: "AG", area: 4, toE164: "+12684601234" } as const;

beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.create({
    data: { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
  });
  await makePriceList(prisma, "GOLD", { areas: { 1: "0.01200", 4: "0.30000" } });
});

/** A partner with two PBXs, a charge on each, Area 4 calls and SMS past the 200, all rated. */
async function billablePartner(db: Db, amount: string, seconds: number) {
  const tenant = await makeTenant(db);
  const second = await makePbx(db, tenant.customer.id);
  for (const pbxId of [tenant.pbx.id, second.id]) {
    const service = await makeService(db, pbxId);
    await makeCharge(db, tenant, service.id, {
      kind: "ACTIVATION",
      amount,
      createdAt: new Date("2026-10-10T10:00:00Z"),
    });
    await db.callRecord.createMany({
      data: [1, 2, 3].map((day) =>
        callOf(tenant, pbxId, {
          ...AREA_4,
          startedAt: new Date(`2026-10-1${day}T10:00:00Z`),
          durationSeconds: seconds,
        }),
      ),
    });
  }
  await db.smsRecord.createMany({ data: sms(tenant, second.id, 205, { from: new Date("2026-10-12T08:00:00Z") }) });
  await rateMonth(db, { month: MONTH, partnerId: tenant.partner.id });
  return tenant;
}

/** What an invoice shows, without ids: its figures and each line as a person reads it. */
async function content(invoiceId: string) {
  const invoice = await prisma.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: { lines: { orderBy: { sortOrder: "asc" } } },
  });
  return {
    figures: [invoice.net, invoice.vatAmount, invoice.total, invoice.periodStart, invoice.periodEnd].map(String),
    lines: invoice.lines.map((l) => [l.sortOrder, l.kind, l.pbxId, l.description, l.formula, String(l.amount)]),
  };
}

const byPartner = (results: Awaited<ReturnType<typeof runInvoiceBatch>>["results"]) =>
  Object.fromEntries(results.map(({ partnerId, ...result }) => [partnerId, result]));

describe("a batch of partners", () => {
  let partners: Tenant[];
  let blocked: Tenant;
  let ids: string[];

  beforeAll(async () => {
    partners = [
      await billablePartner(prisma, "100.00", 60),
      await billablePartner(prisma, "250.50", 125),
      await billablePartner(prisma, "80.10", 7),
    ];
    blocked = await billablePartner(prisma, "42.00", 60);
    // Arrived after the rating: not rated yet, so this partner's month is blocked.
    await prisma.callRecord.create({
      data: callOf(blocked, blocked.pbx.id, { ...AREA_4, startedAt: new Date("2026-10-20T10:00:00Z") }),
    });
    ids = [...partners, blocked].map((t) => t.partner.id);
  });

  it("drafts every partner but the blocked one, which is reported without holding the others back", async () => {
    const { results, locking } = await runInvoiceBatch(prisma, { month: MONTH, partnerIds: ids }, NOW);
    expect(locking).toBe("PER_PBX");
    expect(results.map((r) => r.partnerId)).toEqual([...ids].sort());
    const outcomes = byPartner(results);
    // 2 × 100.00 + 6 × 60 s × 0.30 / 60 (1.80) + 5 SMS × 0.012 (0.06)
    expect(outcomes[partners[0]!.partner.id]).toMatchObject({ outcome: "DRAFTED", net: "201.86", lines: 5 });
    expect(outcomes[partners[1]!.partner.id]).toMatchObject({ outcome: "DRAFTED", net: "504.82" });
    expect(outcomes[blocked.partner.id]).toMatchObject({
      outcome: "BLOCKED",
      draftRemoved: false,
      blocked: { calls: 1, sms: 0, reasons: [{ table: "calls", reason: "NOT_RATED_YET", count: 1 }] },
    });
    expect(await prisma.invoice.count({ where: { partnerId: { in: ids } } })).toBe(3);
  });

  it("is idempotent: a second batch rebuilds the same drafts in place, each charge on them once", async () => {
    const first = byPartner((await runInvoiceBatch(prisma, { month: MONTH, partnerIds: ids }, NOW)).results);
    const before = await Promise.all(
      partners.map((t) => content((first[t.partner.id] as { invoiceId: string }).invoiceId)),
    );
    const again = byPartner((await runInvoiceBatch(prisma, { month: MONTH, partnerIds: ids }, NOW)).results);
    for (const [i, t] of partners.entries()) {
      expect(again[t.partner.id]).toEqual(first[t.partner.id]);
      expect(await content((again[t.partner.id] as { invoiceId: string }).invoiceId)).toEqual(before[i]);
    }
    expect(await prisma.invoice.count({ where: { partnerId: { in: ids } } })).toBe(3);
    const charges = await prisma.serviceCharge.findMany({ where: { partnerId: { in: ids } } });
    expect(charges.filter((c) => c.invoiceId)).toHaveLength(6);
  });

  it("gives each partner exactly the draft a run of that partner alone gives", async () => {
    const batch = byPartner((await runInvoiceBatch(prisma, { month: MONTH, partnerIds: ids }, NOW)).results);
    const batchContent = await Promise.all(
      partners.map((t) => content((batch[t.partner.id] as { invoiceId: string }).invoiceId)),
    );
    for (const [i, t] of partners.entries()) {
      const alone = await runInvoiceMonth(prisma, { partnerId: t.partner.id, month: MONTH }, NOW);
      expect(alone).toEqual(batch[t.partner.id]);
      expect(await content((alone as { invoiceId: string }).invoiceId)).toEqual(batchContent[i]);
    }
    const blockedInBatch = (await runInvoiceBatch(prisma, { month: MONTH, partnerIds: [blocked.partner.id] }, NOW))
      .results[0];
    const blockedAlone = await runInvoiceMonth(prisma, { partnerId: blocked.partner.id, month: MONTH }, NOW);
    expect({ partnerId: blocked.partner.id, ...blockedAlone }).toEqual(blockedInBatch);
  });

  it("leaves an issued invoice untouched, fails a partner whose charges mix currencies, and drafts the rest", async () => {
    const [issued, mixed, fine] = partners;
    const issuedId = (await prisma.invoice.findFirstOrThrow({ where: { partnerId: issued!.partner.id } })).id;
    await prisma.invoice.update({ where: { id: issuedId }, data: { status: "ISSUED", number: "2026-900001" } });
    const service = await prisma.classoundService.findUniqueOrThrow({ where: { pbxId: mixed!.pbx.id } });
    const dollars = await makeCharge(prisma, mixed!, service.id, {
      kind: "USERS_ADDED",
      amount: "5.00",
      createdAt: new Date("2026-10-21T10:00:00Z"),
    });
    await prisma.serviceCharge.update({ where: { id: dollars.id }, data: { currency: "USD" } });

    const outcomes = byPartner(
      (
        await runInvoiceBatch(
          prisma,
          { month: MONTH, partnerIds: [issued, mixed, fine].map((t) => t!.partner.id) },
          NOW,
        )
      ).results,
    );
    expect(outcomes[issued!.partner.id]).toEqual({
      outcome: "ISSUED_UNTOUCHED",
      invoiceId: issuedId,
      status: "ISSUED",
    });
    expect(outcomes[mixed!.partner.id]).toMatchObject({ outcome: "FAILED", draftRemoved: true });
    expect((outcomes[mixed!.partner.id] as { message: string }).message).toMatch(/several currencies \(EUR, USD\)/);
    expect(outcomes[fine!.partner.id]).toMatchObject({ outcome: "DRAFTED" });
    // The failed partner's stale draft is gone and its charges are free for the run that follows the fix.
    expect(await prisma.invoice.count({ where: { partnerId: mixed!.partner.id } })).toBe(0);
    expect(
      await prisma.serviceCharge.count({ where: { partnerId: mixed!.partner.id, invoiceId: { not: null } } }),
    ).toBe(0);
    // Alone, the same partner's run throws, as it always did.
    await expect(runInvoiceMonth(prisma, { partnerId: mixed!.partner.id, month: MONTH }, NOW)).rejects.toThrow(
      /several currencies/,
    );
  });

  it("reports an unknown partner and refuses a batch that is not a month's", async () => {
    const { results } = await runInvoiceBatch(
      prisma,
      { month: MONTH, partnerIds: ["cnosuchpartner000000000000"] },
      NOW,
    );
    expect(results).toEqual([
      expect.objectContaining({ partnerId: "cnosuchpartner000000000000", outcome: "FAILED", draftRemoved: false }),
    ]);
    await expect(runInvoiceBatch(prisma, { month: "2026-13", partnerIds: ids }, NOW)).rejects.toThrow();
    await expect(runInvoiceBatch(prisma, { month: MONTH, partnerIds: [] }, NOW)).rejects.toThrow();
  });
});

describe("a batch's locks", () => {
  it(`past ${RUN_LOCKS_ONE_BY_ONE} locks, takes the month's rating lock instead, and waits for a rating of any PBX`, async () => {
    const big = await billablePartner(prisma, "10.00", 60);
    // Enough PBXs that locking each would take more than the budget.
    await prisma.pbx.createMany({
      data: Array.from({ length: RUN_LOCKS_ONE_BY_ONE }, (_, i) => ({
        serial: `CS-BULK-${big.partner.id}-${i}`,
        name: `Bulk ${i}`,
        customerId: big.customer.id,
        licensePlan: "YEARLY" as const,
        termStart: new Date("2026-05-01Z"),
        softwareVersion: "6.01.20240310.2",
      })),
    });
    const other = await billablePartner(prisma, "20.00", 60);

    let finishRating!: () => void;
    let ratingHoldsItsLocks!: () => void;
    const locked = new Promise<void>((resolve) => (ratingHoldsItsLocks = resolve));
    const rating = prisma.$transaction(async (tx) => {
      await rateMonthInTransaction(tx, { month: MONTH, pbxIds: [other.pbx.id] });
      ratingHoldsItsLocks();
      await new Promise<void>((resolve) => (finishRating = resolve));
    });
    await locked;
    let ran = false;
    const run = runInvoiceBatch(prisma, { month: MONTH, partnerIds: [big.partner.id] }, NOW).then((r) => {
      ran = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(ran).toBe(false);
    finishRating();
    await rating;
    const { locking, results } = await run;
    expect(locking).toBe("WHOLE_MONTH");
    expect(results[0]).toMatchObject({ outcome: "DRAFTED", net: "21.86" });
  });
});

describe("the fan-out's batches", () => {
  it("groups the due partner-months by month, in partner order, at most the batch size each", () => {
    const due = [
      { partnerId: "c-b", month: "2026-10" },
      { partnerId: "c-a", month: "2026-10" },
      { partnerId: "c-c", month: "2026-10" },
      { partnerId: "c-z", month: "2026-09" },
      { partnerId: "c-a", month: "2026-10" },
    ];
    expect(invoiceBatches(due, 2)).toEqual([
      { month: "2026-09", partnerIds: ["c-z"] },
      { month: "2026-10", partnerIds: ["c-a", "c-b"] },
      { month: "2026-10", partnerIds: ["c-c"] },
    ]);
    expect(invoiceBatches([])).toEqual([]);
  });
});
