import type { Db } from "@/lib/db/client";
import { actorOf, makeTenant, makeUser } from "@/lib/testing/fixtures";
import { runInvoiceMonth } from "./run-invoice-month";
import { makeCharge, makeService } from "./testing";

// Scenarios for the lifecycle tests (issue, credit notes, payments): a partner's DRAFT built by
// the real monthly run, from one activation charge in October 2026 (Berlin).

export const OCTOBER = "2026-10";
/** When the tests act: after October's run, so the draft exists and nothing of November is billed. */
export const ISSUE_NOW = new Date("2026-11-02T08:00:00Z");

export async function makeAdmin(db: Db) {
  return actorOf(await makeUser(db, "ADMIN"));
}

/** A partner with a DRAFT for October of `amount` net (German VAT 19 % on top). */
export async function makeDraft(db: Db, amount = "100.00") {
  const tenant = await makeTenant(db);
  const service = await makeService(db, tenant.pbx.id);
  await makeCharge(db, tenant, service.id, {
    kind: "ACTIVATION",
    amount,
    createdAt: new Date("2026-10-15T10:00:00Z"),
  });
  const run = await runInvoiceMonth(db, { partnerId: tenant.partner.id, month: OCTOBER }, ISSUE_NOW);
  if (run.outcome !== "DRAFTED") throw new Error(`expected a draft, got ${run.outcome}`);
  const partnerActor = actorOf(await makeUser(db, "PARTNER", { partnerId: tenant.partner.id }));
  return { tenant, service, invoiceId: run.invoiceId, partnerActor };
}
