import { describe, expect, it } from "vitest";
import type { JobContext } from "@/lib/jobs/definition";
import { invoiceOverdueJob } from "@/lib/jobs/invoice-jobs";
import { createTestDatabase } from "@/lib/testing/test-database";
import { issueCreditNote } from "./credit-notes";
import { issueInvoice } from "./issue";
import { ISSUE_NOW, makeAdmin, makeDraft } from "./lifecycle-testing";
import { importPayments, markInvoiceOverdue, markInvoicePaid } from "./payments";

// Payments and overdue invoices (docs/decisions/0061).
const { prisma } = await createTestDatabase();
const admin = await makeAdmin(prisma);
const LATER = new Date("2026-11-20T09:00:00Z");
/** After the 30-day term of invoices issued at ISSUE_NOW (due 2 December). */
const PAST_DUE = new Date("2026-12-03T09:00:00Z");

/** An issued invoice of `amount` net; its total is 119 % of it (German VAT). */
async function issuedInvoice(amount = "100.00") {
  const draft = await makeDraft(prisma, amount);
  const { number } = await issueInvoice(prisma, admin, { invoiceId: draft.invoiceId }, ISSUE_NOW);
  return { ...draft, number };
}

const pay = (invoiceId: string, amount: string, reference: string, paidOn = "2026-11-15", now = LATER) =>
  markInvoicePaid(prisma, admin, { invoiceId, amount, paidOn, reference }, now);
const statusOf = async (invoiceId: string) => prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } });

describe("marking payments", () => {
  it("records a partial payment and keeps the invoice issued, then marks it paid once its total is covered", async () => {
    const { invoiceId } = await issuedInvoice("100.00");
    expect(await pay(invoiceId, "100", "BANK-1")).toMatchObject({ status: "ISSUED", outstanding: "19.00" });
    expect(await statusOf(invoiceId)).toMatchObject({ status: "ISSUED", paidAt: null });

    expect(await pay(invoiceId, "19.00", "BANK-2", "2026-11-18")).toMatchObject({
      status: "PAID",
      outstanding: "0.00",
    });
    expect(await statusOf(invoiceId)).toMatchObject({ status: "PAID", paidAt: new Date("2026-11-18T00:00:00Z") });
    const payments = await prisma.invoicePayment.findMany({ where: { invoiceId }, orderBy: { reference: "asc" } });
    expect(payments.map((p) => [p.reference, p.amount.toFixed(2), p.source, p.createdById])).toEqual([
      ["BANK-1", "100.00", "MANUAL", admin.userId],
      ["BANK-2", "19.00", "MANUAL", admin.userId],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "invoice.payment_recorded", entityId: invoiceId } })).toBe(2);
    await expect(pay(invoiceId, "1.00", "BANK-3")).rejects.toMatchObject({ code: "CONFLICT", message: /paid already/ });
  });

  it("counts credit notes off what is due", async () => {
    const { invoiceId } = await issuedInvoice("100.00");
    await issueCreditNote(prisma, admin, { invoiceId, net: "50.00", reason: "Users billed twice" }, LATER);
    await expect(pay(invoiceId, "59.51", "BANK-1")).rejects.toMatchObject({
      fieldErrors: { amount: [expect.stringMatching(/more than the €59.50 still due/)] },
    });
    expect(await pay(invoiceId, "59.50", "BANK-1")).toMatchObject({ status: "PAID" });
  });

  it("refuses, beside the field, a reference used before, a day after today, a bad amount; and partners", async () => {
    const { invoiceId, partnerActor } = await issuedInvoice();
    await pay(invoiceId, "10.00", "BANK-1");
    await expect(pay(invoiceId, "10.00", "BANK-1")).rejects.toMatchObject({
      fieldErrors: { reference: expect.any(Array) },
    });
    await expect(pay(invoiceId, "10.00", "BANK-2", "2026-11-21")).rejects.toMatchObject({
      fieldErrors: { paidOn: ["The payment cannot arrive after today."] },
    });
    await expect(pay(invoiceId, "10.001", "BANK-2")).rejects.toMatchObject({
      fieldErrors: { amount: expect.any(Array) },
    });
    await expect(pay(invoiceId, "10.00", "BANK-2", "2026-02-30")).rejects.toMatchObject({
      fieldErrors: { paidOn: expect.any(Array) },
    });
    await expect(
      markInvoicePaid(prisma, partnerActor, { invoiceId, amount: "1.00", paidOn: "2026-11-15", reference: "X" }, LATER),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const draft = await makeDraft(prisma);
    await expect(pay(draft.invoiceId, "1.00", "BANK-1")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await prisma.invoicePayment.count({ where: { invoiceId } })).toBe(1);
  });
});

describe("importing the bank's payments file", () => {
  it("reports each refused row with its line and why, records the others at once, and adds nothing the second time", async () => {
    const full = await issuedInvoice("100.00"); // 119.00 due
    const partial = await issuedInvoice("200.00"); // 238.00 due
    const draft = await makeDraft(prisma);
    const csv = [
      "Invoice number,Amount,Paid on,Reference",
      `${full.number},119.00,2026-11-16,TRX-1`,
      `${partial.number},100.00,2026-11-16,TRX-2`,
      `2026-999999,10.00,2026-11-16,TRX-3`,
      `${partial.number},12.345,2026-11-16,TRX-4`,
      `${partial.number},10.00,16/11/2026,TRX-5`,
      `${partial.number},100.00,2026-11-16,TRX-2`,
      `${partial.number},500.00,2026-11-16,TRX-6`,
      `${partial.number},10.00,2026-11-16,`,
      `${partial.number},5.00,2026-11-17,TRX-7`,
    ].join("\r\n");

    const first = await importPayments(prisma, admin, csv, LATER);
    expect(first).toEqual({
      applied: 3,
      alreadyRecorded: 0,
      paidInvoices: [full.number],
      refused: [
        { line: 4, reason: "No issued invoice is numbered 2026-999999." },
        { line: 5, reason: expect.stringMatching(/^amount: Enter an amount like 120.50/) },
        { line: 6, reason: expect.stringMatching(/^paid on: /) },
        { line: 7, reason: `The payment TRX-2 of invoice ${partial.number} is also on line 3: each payment once.` },
        { line: 8, reason: `€500.00 is more than the €138.00 still due on invoice ${partial.number}.` },
        { line: 9, reason: expect.stringMatching(/^reference: /) },
      ],
    });
    expect(await statusOf(full.invoiceId)).toMatchObject({ status: "PAID", paidAt: new Date("2026-11-16T00:00:00Z") });
    expect(await statusOf(partial.invoiceId)).toMatchObject({ status: "ISSUED" });
    expect(
      (await prisma.invoicePayment.findMany({ where: { invoiceId: partial.invoiceId } })).map((p) => p.source),
    ).toEqual(["CSV_IMPORT", "CSV_IMPORT"]);
    expect(await statusOf(draft.invoiceId)).toMatchObject({ status: "DRAFT" });

    const second = await importPayments(prisma, admin, csv, LATER);
    expect(second).toMatchObject({ applied: 0, alreadyRecorded: 3, paidInvoices: [] });
    expect(second.refused.map((r) => r.line)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(
      await prisma.invoicePayment.count({ where: { invoiceId: { in: [full.invoiceId, partial.invoiceId] } } }),
    ).toBe(3);
    expect(await prisma.auditLog.count({ where: { action: "invoice.payments_imported" } })).toBe(2);
  });

  it("refuses a file that is not a payments file as a whole, and partners", async () => {
    await expect(importPayments(prisma, admin, "number,amount\n1,2", LATER)).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringMatching(/lacks invoice_number, paid_on, reference/),
    });
    const { partnerActor } = await makeDraft(prisma);
    await expect(importPayments(prisma, partnerActor, "", LATER)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("overdue invoices", () => {
  const context = (now: Date): JobContext => ({ db: prisma, sendMail: null, now: () => now, enqueue: async () => {} });

  it("the daily job turns issued invoices past their due date OVERDUE, once; a payment then settles them", async () => {
    const late = await issuedInvoice();
    const settled = await issuedInvoice();
    await pay(settled.invoiceId, "119.00", "BANK-1");
    const notYet = await issuedInvoice();

    expect(await invoiceOverdueJob.run(context(new Date("2026-12-01T09:00:00Z")), {})).toBe(0);
    expect(await invoiceOverdueJob.run(context(PAST_DUE), {})).toBeGreaterThanOrEqual(2);
    expect(await statusOf(late.invoiceId)).toMatchObject({ status: "OVERDUE" });
    expect(await statusOf(notYet.invoiceId)).toMatchObject({ status: "OVERDUE" });
    expect(await statusOf(settled.invoiceId)).toMatchObject({ status: "PAID" });
    expect(await invoiceOverdueJob.run(context(PAST_DUE), {})).toBe(0);

    expect(await pay(late.invoiceId, "119.00", "BANK-1", "2026-12-03", PAST_DUE)).toMatchObject({ status: "PAID" });
    expect(await statusOf(late.invoiceId)).toMatchObject({ status: "PAID", paidAt: new Date("2026-12-03T00:00:00Z") });
  });

  it("an admin marks one overdue only past its due date", async () => {
    const { invoiceId, partnerActor } = await issuedInvoice();
    await expect(markInvoiceOverdue(prisma, admin, { invoiceId }, LATER)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/not due until 2026-12-02/),
    });
    await expect(markInvoiceOverdue(prisma, partnerActor, { invoiceId }, PAST_DUE)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await markInvoiceOverdue(prisma, admin, { invoiceId }, PAST_DUE)).toEqual({
      id: invoiceId,
      status: "OVERDUE",
    });
    await expect(markInvoiceOverdue(prisma, admin, { invoiceId }, PAST_DUE)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(
      await prisma.auditLog.findFirstOrThrow({ where: { action: "invoice.marked_overdue", entityId: invoiceId } }),
    ).toMatchObject({
      actorId: admin.userId,
    });
  });
});
