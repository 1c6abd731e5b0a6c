import { portalUrl } from "@/lib/config/portal-url";
import type { Prisma } from "@/lib/db/generated/client";
import { formatDateIn, formatMoney, formatMonthIn } from "@/lib/format";
import type { Mail } from "@/lib/mail";
import type { BilledTo } from "./documents/invoice-source";
import { SUPPLIER } from "./supplier";

// The mails that carry an issued document to the partner's billing address (docs/decisions/0061).
// The PDF is attached when the mail is sent (lib/mail/attachments.ts), rendered from the frozen row.

type Money = Prisma.Decimal | string;
const money = (amount: Money, currency: string) => formatMoney(amount.toString(), currency);

/** The portal page of an invoice (and of its credit notes), where the partner reads and downloads it. */
export const invoicePath = (invoiceId: string) => `/billing/invoices/${invoiceId}`;

const payBy = (reference: string) =>
  `Please pay by bank transfer to ${SUPPLIER.name} (${SUPPLIER.bank}), quoting ${reference} as the reference.`;

export function invoiceMail(invoice: {
  id: string;
  number: string;
  billedTo: BilledTo;
  /** The partner's zone: the month and the due date as the partner's calendar has them. */
  timeZone: string;
  periodStart: Date;
  currency: string;
  net: Money;
  vatAmount: Money;
  total: Money;
  dueAt: Date;
}): Mail {
  const { currency, timeZone } = invoice;
  const month = formatMonthIn(invoice.periodStart, timeZone);
  return {
    to: invoice.billedTo.billingEmail,
    toName: invoice.billedTo.name,
    subject: `Invoice ${invoice.number} for ${month}`,
    body: [
      `Hello ${invoice.billedTo.name},`,
      `attached is invoice ${invoice.number} for ${month}: ${money(invoice.total, currency)} ` +
        `(${money(invoice.net, currency)} plus VAT ${money(invoice.vatAmount, currency)}), due on ${formatDateIn(invoice.dueAt, timeZone)}.`,
      payBy(invoice.number),
      `The invoice, its lines and their CSV are also in the portal.`,
    ].join("\n\n"),
    link: { url: portalUrl(invoicePath(invoice.id)), label: "View the invoice" },
    attachments: [{ kind: "invoice-pdf", id: invoice.id }],
  };
}

export function creditNoteMail(note: {
  id: string;
  number: string;
  invoiceId: string;
  invoiceNumber: string;
  billedTo: BilledTo;
  reason: string;
  currency: string;
  net: Money;
  vatAmount: Money;
  total: Money;
}): Mail {
  const { currency } = note;
  return {
    to: note.billedTo.billingEmail,
    toName: note.billedTo.name,
    subject: `Credit note ${note.number} for invoice ${note.invoiceNumber}`,
    body: [
      `Hello ${note.billedTo.name},`,
      `attached is credit note ${note.number}, crediting ${money(note.total, currency)} ` +
        `(${money(note.net, currency)} plus VAT ${money(note.vatAmount, currency)}) against invoice ${note.invoiceNumber}.`,
      `Reason: ${note.reason}`,
      `It reduces what is due on invoice ${note.invoiceNumber} by that amount.`,
    ].join("\n\n"),
    link: { url: portalUrl(invoicePath(note.invoiceId)), label: "View the invoice and its credit notes" },
    attachments: [{ kind: "credit-note-pdf", id: note.id }],
  };
}
