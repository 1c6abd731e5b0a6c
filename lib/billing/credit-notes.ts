import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { queueMail } from "@/lib/mail";
import { lockedBalances, settlePaidInvoices } from "./balance";
import { billedToOf, PARTNER_AS_BILLED } from "./billed-to";
import { creditNoteMail } from "./mail";
import { documentYear, nextDocumentNumber } from "./numbering";
import { ZCreditNoteInput, type TCreditNoteInput } from "./schemas";
import { vatOf } from "./vat";

/**
 * Corrects an issued invoice the only way it may be (R9, docs/decisions/0061): a credit note of a
 * net amount, with VAT at the invoice's own rate, numbered gapless in its own series ("CN-2026-…"),
 * audited and mailed with its PDF to the invoice's billing address. The invoice's credit notes never
 * credit more than its net in all. A credit note that leaves nothing more to pay settles the invoice.
 */
export async function issueCreditNote(db: Db, actor: Actor, input: TCreditNoteInput, now: Date) {
  assertCanChange(actor, "invoices.manage");
  const { invoiceId, net: typed, reason } = parseOrThrow(ZCreditNoteInput, input);
  const net = new Prisma.Decimal(typed);
  return db.$transaction(async (tx) => {
    const [balance] = await lockedBalances(tx, { ids: [invoiceId] });
    if (!balance) throw new AppError("NOT_FOUND", "This invoice does not exist.");
    if (balance.status === "DRAFT")
      throw new AppError(
        "CONFLICT",
        "A draft is corrected by running its month again: credit notes are for issued invoices.",
      );
    const creditable = balance.net.sub(balance.credited);
    if (net.gt(creditable))
      throw new AppError("INVALID", "Check the highlighted fields.", {
        net: [
          creditable.lte(0)
            ? `Invoice ${balance.number} is credited in full already.`
            : `At most ${formatMoney(creditable.toFixed(2), balance.currency)} can still be credited on invoice ${balance.number} (its net less earlier credit notes).`,
        ],
      });
    const vatAmount = vatOf(net, balance.vatRate);
    const invoice = await tx.invoice.findUniqueOrThrow({
      where: { id: invoiceId },
      select: { partnerId: true, billedTo: true, partner: { select: PARTNER_AS_BILLED } },
    });
    const number = await nextDocumentNumber(tx, "CREDIT_NOTE", documentYear(now));
    const note = await tx.creditNote.create({
      data: {
        number,
        invoiceId,
        partnerId: invoice.partnerId,
        reason,
        currency: balance.currency,
        net,
        vatAmount,
        total: net.add(vatAmount),
        issuedAt: now,
        createdById: actor.userId,
      },
    });
    await settlePaidInvoices(tx, [invoiceId], now);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "invoice.credit_note_issued",
      entityType: "Invoice",
      entityId: invoiceId,
      detail: {
        number,
        invoiceNumber: balance.number,
        partnerId: invoice.partnerId,
        total: note.total.toFixed(2),
        currency: note.currency,
        reason,
      },
    });
    await queueMail(tx, [
      creditNoteMail({
        ...note,
        invoiceNumber: balance.number!,
        billedTo: billedToOf(invoice.billedTo, invoice.partner),
      }),
    ]);
    return {
      id: note.id,
      number,
      net: note.net.toFixed(2),
      vatAmount: vatAmount.toFixed(2),
      total: note.total.toFixed(2),
    };
  });
}
