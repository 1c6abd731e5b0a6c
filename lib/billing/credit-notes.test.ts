import { describe, expect, it } from "vitest";
import type { RenderedAttachment } from "@/lib/mail/attachments";
import { unsafeDeliverOutboxEmail } from "@/lib/mail/delivery";
import { createTestDatabase } from "@/lib/testing/test-database";
import { issueCreditNote } from "./credit-notes";
import { issueInvoice } from "./issue";
import { ISSUE_NOW, makeAdmin, makeDraft } from "./lifecycle-testing";

// Credit notes (docs/decisions/0061): the only correction of an issued invoice.
const { prisma } = await createTestDatabase();
const admin = await makeAdmin(prisma);
const LATER = new Date("2026-11-20T09:00:00Z");

async function issuedInvoice(amount = "100.00") {
  const draft = await makeDraft(prisma, amount);
  const { number } = await issueInvoice(prisma, admin, { invoiceId: draft.invoiceId }, ISSUE_NOW);
  return { ...draft, number };
}

const credit = (invoiceId: string, net: string, reason = "Activation billed twice") =>
  issueCreditNote(prisma, admin, { invoiceId, net, reason }, LATER);

describe("credit notes", () => {
  it("credits part of an issued invoice with VAT at its rate, numbered in its own series, audited and mailed", async () => {
    const { tenant, invoiceId, number } = await issuedInvoice("100.00");
    const note = await credit(invoiceId, "33.33");

    expect(note).toMatchObject({ net: "33.33", vatAmount: "6.33", total: "39.66" });
    expect(note.number).toMatch(/^CN-2026-\d{6}$/);
    const stored = await prisma.creditNote.findUniqueOrThrow({ where: { id: note.id } });
    expect(stored).toMatchObject({
      invoiceId,
      partnerId: tenant.partner.id,
      reason: "Activation billed twice",
      currency: "EUR",
      issuedAt: LATER,
      createdById: admin.userId,
    });
    // The invoice itself never changes.
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({ status: "ISSUED" });
    expect(
      await prisma.auditLog.findFirstOrThrow({ where: { action: "invoice.credit_note_issued", entityId: invoiceId } }),
    ).toMatchObject({
      detail: expect.objectContaining({ number: note.number, invoiceNumber: number, total: "39.66" }),
    });
    const mail = await prisma.outboxEmail.findFirstOrThrow({
      where: { subject: { startsWith: `Credit note ${note.number}` } },
    });
    expect(mail).toMatchObject({
      to: tenant.partner.billingEmail,
      attachments: [{ kind: "credit-note-pdf", id: note.id }],
    });
    expect(mail.text).toContain(`against invoice ${number}`);

    // Sent: the credit note's PDF is rendered and handed to the transport with its file name.
    const sent: RenderedAttachment[][] = [];
    expect(
      await unsafeDeliverOutboxEmail(prisma, mail.id, async (_mail, attachments = []) => void sent.push(attachments)),
    ).toBe("sent");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.map((a) => [a.filename, a.contentType])).toEqual([
      [`CLASSOUND-credit-note-${note.number}.pdf`, "application/pdf"],
    ]);
    expect(sent[0]![0]!.content.subarray(0, 4).toString("latin1")).toBe("%PDF");
  });

  it("numbers credit notes without a gap", async () => {
    const { invoiceId } = await issuedInvoice("500.00");
    const notes = await Promise.all(["10.00", "20.00", "30.00", "40.00"].map((net) => credit(invoiceId, net)));
    const sequences = notes.map((n) => Number(n.number.slice(-6))).sort((a, b) => a - b);
    expect(sequences).toEqual([0, 1, 2, 3].map((i) => sequences[0]! + i));
  });

  it("never credits more than the invoice's net in all, and says how much is left beside the amount", async () => {
    const { invoiceId } = await issuedInvoice("100.00");
    await expect(credit(invoiceId, "100.01")).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { net: [expect.stringMatching(/At most €100.00 can still be credited/)] },
    });
    // Two at once, each within the limit alone but not together: one of them is refused.
    const outcomes = await Promise.allSettled([credit(invoiceId, "60.00"), credit(invoiceId, "60.00")]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    await expect(credit(invoiceId, "40.01")).rejects.toMatchObject({
      fieldErrors: { net: [expect.stringMatching(/At most €40.00/)] },
    });
    await credit(invoiceId, "40.00");
    await expect(credit(invoiceId, "0.01")).rejects.toMatchObject({
      fieldErrors: { net: [expect.stringMatching(/credited in full already/)] },
    });
    expect(await prisma.creditNote.count({ where: { invoiceId } })).toBe(2);
  });

  it("settles an invoice its credit notes take back in full", async () => {
    const { invoiceId } = await issuedInvoice("80.00");
    await credit(invoiceId, "80.00");
    expect(await prisma.invoice.findUniqueOrThrow({ where: { id: invoiceId } })).toMatchObject({
      status: "PAID",
      paidAt: LATER,
    });
  });

  it("refuses drafts, bad amounts, a missing reason, partners and end users", async () => {
    const { invoiceId, partnerActor } = await makeDraft(prisma);
    await expect(credit(invoiceId, "10.00")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/draft is corrected by running its month again/),
    });
    const issued = await issuedInvoice();
    for (const net of ["0", "0.00", "-5", "1.234", "1,50", ""])
      await expect(credit(issued.invoiceId, net)).rejects.toMatchObject({
        code: "INVALID",
        fieldErrors: { net: expect.any(Array) },
      });
    await expect(credit(issued.invoiceId, "5.00", "  ")).rejects.toMatchObject({
      fieldErrors: { reason: expect.any(Array) },
    });
    await expect(
      issueCreditNote(prisma, partnerActor, { invoiceId: issued.invoiceId, net: "5.00", reason: "Goodwill" }, LATER),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.creditNote.count({ where: { invoiceId: issued.invoiceId } })).toBe(0);
  });
});
