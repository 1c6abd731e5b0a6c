import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import { ZBilledTo } from "@/lib/billing/billed-to";
import { invoiceCsv } from "@/lib/billing/documents/invoice-csv";
import { invoiceFileName, invoicePdfStream } from "@/lib/billing/documents/invoice-pdf";
import { invoiceDetail, monthWhere, readableInvoice } from "@/lib/billing/queries";
import { ZMonth } from "@/lib/billing/resale/schemas";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { InvoiceLineKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { monthKeyIn } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { dayOf } from "@/lib/pbx/schemas";
import { afterCreated, createdKey, pageFrom, pageOf, pageQuery, ZCreatedCursor } from "../cursor";
import { defineEndpoint, type ApiEndpoint } from "../endpoint";
import { fileAnswer } from "../file-answer";

/**
 * What the API shows of invoices: issued ones and what became of them. A void invoice was never
 * owed, so it is left out like a draft (the portal's scope shows it; the API's clients book what it lists).
 */
const API_STATUSES = ["ISSUED", "PAID", "OVERDUE"] as const;
const isListed = (status: string) => (API_STATUSES as readonly string[]).includes(status);

const ZMoney = z.string().describe('An exact decimal with its cents, e.g. "715.20".');
const ZInstant = z.iso.datetime();

const ZApiInvoice = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status: z.enum(API_STATUSES),
  month: z.string().describe("The partner-local month billed, YYYY-MM."),
  currency: z.string(),
  net: ZMoney,
  vatAmount: ZMoney,
  total: ZMoney,
  issuedAt: ZInstant.nullable(),
  dueAt: ZInstant.nullable(),
  paidAt: ZInstant.nullable(),
  createdAt: ZInstant,
});

const ZApiInvoiceLine = z.object({
  id: z.string(),
  kind: z.enum(InvoiceLineKind),
  description: z.string(),
  quantity: z.string().describe("An exact decimal without trailing zeros."),
  unitPrice: z.string().describe("An exact decimal with at least its cents."),
  amount: ZMoney,
  formula: z.string().describe("How the amount comes about, to recompute it."),
});

const ZApiInvoiceDetail = ZApiInvoice.extend({
  partner: z.object({ id: z.string(), name: z.string() }),
  periodStart: ZInstant.describe("The month's first partner-local midnight."),
  periodEnd: ZInstant.describe("The next month's first partner-local midnight (exclusive)."),
  timeZone: z.string(),
  vatRate: z.string().describe('The VAT rate in percent, e.g. "19".'),
  vatNote: z.string(),
  reverseCharge: z.boolean(),
  billedTo: ZBilledTo,
  groups: z
    .array(
      z.object({
        pbxId: z.string().nullable().describe("Null for the charges of no PBX."),
        pbxName: z.string(),
        customerName: z.string().nullable(),
        lines: z.array(ZApiInvoiceLine),
        subtotal: ZMoney,
      }),
    )
    .describe("The lines grouped by PBX, in the invoice's order: the first 1,000 lines."),
  lineCount: z.number().int().describe("Every line of the invoice, also past the first 1,000."),
  creditNotes: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      reason: z.string(),
      net: ZMoney,
      vatAmount: ZMoney,
      total: ZMoney,
      issuedAt: ZInstant,
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      amount: ZMoney,
      paidOn: z.iso.date(),
      reference: z.string(),
      source: z.enum(["MANUAL", "CSV_IMPORT"]),
    }),
  ),
  paid: ZMoney,
  credited: ZMoney,
  outstanding: ZMoney.describe("The total less payments and credit notes, never below 0."),
});

export const listInvoicesEndpoint = defineEndpoint({
  method: "GET",
  path: "/invoices",
  tag: "Invoices",
  summary: "List invoices",
  description: "The partner's issued invoices (never drafts), oldest first, a page at a time.",
  scope: "invoices:read",
  query: pageQuery(ZCreatedCursor).extend({
    status: z.enum(API_STATUSES).optional(),
    month: ZMonth.optional().describe("Only the invoice of this partner-local month, YYYY-MM."),
  }),
  response: pageOf(ZApiInvoice),
});

export const getInvoiceEndpoint = defineEndpoint({
  method: "GET",
  path: "/invoices/{id}",
  tag: "Invoices",
  summary: "Read an invoice",
  description: "The invoice with its lines, credit notes and payments.",
  scope: "invoices:read",
  params: z.object({ id: ZId }),
  response: ZApiInvoiceDetail,
});

const DOCUMENTS = {
  pdf: {
    mediaType: "application/pdf",
    contentType: "application/pdf",
    summary: "Download an invoice as PDF",
    description: "The invoice document the portal issues: lines grouped by PBX, VAT, payment details, credit notes.",
  },
  csv: {
    mediaType: "text/csv",
    contentType: "text/csv; charset=utf-8",
    summary: "Download an invoice's lines as CSV",
    description: "One row per line, then net, VAT and total; a text starting with = + - @ is prefixed with '.",
  },
} as const;
type InvoiceDocument = keyof typeof DOCUMENTS;

const invoiceDocumentEndpoint = (format: InvoiceDocument) =>
  defineEndpoint({
    method: "GET",
    path: `/invoices/{id}/${format}`,
    tag: "Invoices",
    summary: DOCUMENTS[format].summary,
    description: "The same document as the portal's download, for an invoice this API lists (never a draft).",
    scope: "invoices:read",
    params: z.object({ id: ZId }),
    file: { mediaTypes: [DOCUMENTS[format].mediaType], description: DOCUMENTS[format].description },
  });

export const invoicePdfEndpoint = invoiceDocumentEndpoint("pdf");
export const invoiceCsvEndpoint = invoiceDocumentEndpoint("csv");

/** Every invoice operation of /api/v1. */
export const INVOICE_ENDPOINTS: ApiEndpoint[] = [
  listInvoicesEndpoint,
  getInvoiceEndpoint,
  invoicePdfEndpoint,
  invoiceCsvEndpoint,
] as ApiEndpoint[];

const SELECT = {
  id: true,
  number: true,
  status: true,
  periodStart: true,
  currency: true,
  net: true,
  vatAmount: true,
  total: true,
  issuedAt: true,
  dueAt: true,
  paidAt: true,
  createdAt: true,
  partner: { select: { timeZone: true } },
} satisfies Prisma.InvoiceSelect;

const iso = (instant: Date | null) => instant && instant.toISOString();

function toApiInvoice(row: Prisma.InvoiceGetPayload<{ select: typeof SELECT }>): z.output<typeof ZApiInvoice> {
  const { partner, periodStart, ...invoice } = row;
  return {
    ...invoice,
    status: invoice.status as (typeof API_STATUSES)[number],
    month: monthKeyIn(periodStart, partner.timeZone),
    net: invoice.net.toFixed(2),
    vatAmount: invoice.vatAmount.toFixed(2),
    total: invoice.total.toFixed(2),
    issuedAt: iso(invoice.issuedAt),
    dueAt: iso(invoice.dueAt),
    paidAt: iso(invoice.paidAt),
    createdAt: invoice.createdAt.toISOString(),
  };
}

/** A page of the invoices the actor may see (the invoice list's permission and tenant scope). */
export async function invoicesPage(
  db: Db,
  actor: Actor,
  query: z.output<NonNullable<typeof listInvoicesEndpoint.query>>,
) {
  assertCan(actor, "invoices.view");
  const filters: Prisma.InvoiceWhereInput[] = [
    scope.invoices(actor),
    { status: query.status ?? { in: [...API_STATUSES] } },
    afterCreated(query.cursor),
  ];
  if (query.month) filters.push(monthWhere(query.month));
  const rows = await db.invoice.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: SELECT,
  });
  const page = pageFrom(rows, query.limit, createdKey);
  return { next: page.next, data: page.data.map(toApiInvoice) };
}

/** One invoice as its portal page shows it (same query, same scope); one the API does not list is NOT_FOUND. */
export async function apiInvoice(db: Db, actor: Actor, id: string): Promise<z.output<typeof ZApiInvoiceDetail>> {
  const invoice = await invoiceDetail(db, actor, id);
  if (!isListed(invoice.status)) throw new AppError("NOT_FOUND", "This invoice does not exist.");
  return {
    ...invoice,
    status: invoice.status as (typeof API_STATUSES)[number],
    periodStart: invoice.periodStart.toISOString(),
    periodEnd: invoice.periodEnd.toISOString(),
    issuedAt: iso(invoice.issuedAt),
    dueAt: iso(invoice.dueAt),
    paidAt: iso(invoice.paidAt),
    createdAt: invoice.createdAt.toISOString(),
    creditNotes: invoice.creditNotes.map((note) => ({ ...note, issuedAt: note.issuedAt.toISOString() })),
    payments: invoice.payments.map((payment) => ({ ...payment, paidOn: dayOf(payment.paidOn) })),
  };
}

/**
 * An invoice's document through the portal's own builders, after the same read the portal's download
 * does (the actor's scope first) and the API's own rule: a draft or void one is NOT_FOUND, before a byte.
 */
export async function apiInvoiceDocument(db: Db, actor: Actor, id: string, format: InvoiceDocument) {
  const invoice = await readableInvoice(db, actor, id);
  if (!isListed(invoice.status)) throw new AppError("NOT_FOUND", "This invoice does not exist.");
  return fileAnswer({
    fileName: invoiceFileName(invoice, format),
    contentType: DOCUMENTS[format].contentType,
    body: format === "pdf" ? await invoicePdfStream(db, invoice.id) : await invoiceCsv(db, invoice.id),
  });
}
