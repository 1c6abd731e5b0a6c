import { describe, expect, it } from "vitest";
import { rateMonthInTransaction, type RateMonthInput } from "@/lib/cdr/rating/rate-month";
import { makeTenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { runInvoiceMonth } from "./run-invoice-month";
import { makeCharge, makeService } from "./testing";

// The run reads one rating's result, never half of a re-rating (docs/decisions/0059): it waits for a
// rating of the month in progress, whether of the whole month or of the partner's PBXs.
const { prisma } = await createTestDatabase();

describe("the invoice run and rating take turns", () => {
  it.each<[string, (pbxId: string) => Omit<RateMonthInput, "month">]>([
    ["the whole month", () => ({})],
    ["the partner's PBX", (pbxId) => ({ pbxIds: [pbxId] })],
  ])("waits while %s is being rated", async (_label, scope) => {
    const tenant = await makeTenant(prisma);
    const service = await makeService(prisma, tenant.pbx.id);
    await makeCharge(prisma, tenant, service.id, {
      kind: "ACTIVATION",
      amount: "10.00",
      createdAt: new Date("2026-10-15T10:00:00Z"),
    });
    let finishRating!: () => void;
    let ratingHoldsItsLocks!: () => void;
    const locked = new Promise<void>((resolve) => (ratingHoldsItsLocks = resolve));
    const rating = prisma.$transaction(async (tx) => {
      await rateMonthInTransaction(tx, { month: "2026-10", ...scope(tenant.pbx.id) });
      ratingHoldsItsLocks();
      await new Promise<void>((resolve) => (finishRating = resolve));
    });
    await locked;
    let ran = false;
    const run = runInvoiceMonth(prisma, { partnerId: tenant.partner.id, month: "2026-10" }, new Date()).then((r) => {
      ran = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(ran).toBe(false);
    finishRating();
    await rating;
    expect(await run).toMatchObject({ outcome: "DRAFTED", net: "10.00" });
  });
});
