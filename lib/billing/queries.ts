import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can, scope } from "@/lib/auth/policy";
import { containsText } from "@/lib/db/contains-text";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { InvoiceLineKind, InvoiceStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { monthKeyIn } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { searchEnum, searchPage, searchText } from "@/lib/http/search-params";
import { pageOf } from "@/lib/paging";
import { billedToOf, PARTNER_AS_BILLED } from "./billed-to";

export const INVOICES_PAGE_SIZE = 25;
export const CREDIT_NOTES_PAGE_SIZE = 25;
/** The lines an invoice's page shows; a bigger invoice's page says so and its CSV and PDF carry them all. */
export const DETAIL_LINE_LIMIT = 1_000;
/** How many partners the run form's picker lists for one search. */
export const PARTNER_PICK_LIMIT = 20;

export const INVOICE_STATUSES = [
  "DRAFT",
  "ISSUED",
  "PAID",
  "OVERDUE",
  "VOID",
] as const satisfies readonly InvoiceStatus[];

/** The columns the list sorts by on the server; a leading "-" is descending. */
export const INVOICE_SORT_KEYS = ["period", "number", "partner", "total", "status", "due"] as const;
export type TInvoiceSortKey = (typeof INVOICE_SORT_KEYS)[number];
const SORTS = INVOICE_SORT_KEYS.flatMap((key) => [key, `-${key}`] as const);

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * The list's query string: an invoice number or partner name to look for, a status, a partner-local
 * month ("2026-10"), a partner (admins only), the sort and the page. Anything unparseable shows the
 * default view: the newest months first.
 */
export const ZInvoiceSearch = z.object({
  q: searchText(100),
  status: searchEnum(INVOICE_STATUSES),
  month: ZMonth.optional().catch(undefined),
  partner: ZId.optional().catch(undefined),
  sort: searchEnum(SORTS as [string, ...string[]]),
  page: searchPage,
});
export type TInvoiceSearch = z.output<typeof ZInvoiceSearch>;

/** Money leaves lib/ as exact decimal strings with their cents ("715.20"), never as floats. */
const money = (value: Prisma.Decimal) => value.toFixed(2);

/**
 * A month's invoices start at that month's first local midnight, which is within 14 hours of UTC's
 * (no zone is further): a range on `periodStart` the unique (partnerId, periodStart) index serves.
 */
export function monthWhere(month: string): Prisma.InvoiceWhereInput {
  const utc = new Date(`${month}-01T00:00:00Z`).getTime();
  const slack = 14 * 3_600_000;
  return { periodStart: { gte: new Date(utc - slack), lte: new Date(utc + slack) } };
}

function filterWhere(actor: Actor, search: Omit<TInvoiceSearch, "page" | "sort">): Prisma.InvoiceWhereInput[] {
  const where: Prisma.InvoiceWhereInput[] = [];
  if (search.q) where.push({ OR: [{ number: containsText(search.q) }, { partner: { name: containsText(search.q) } }] });
  if (search.status) where.push({ status: search.status });
  if (search.month) where.push(monthWhere(search.month));
  // A partner filter narrows an admin's list; a partner's scope is its own already.
  if (search.partner && can(actor, "partners.view_all")) where.push({ partnerId: search.partner });
  return where;
}

function orderBy(sort: string | undefined): Prisma.InvoiceOrderByWithRelationInput[] {
  const descending = sort ? sort.startsWith("-") : true;
  const dir = descending ? "desc" : "asc";
  const key = (sort?.replace(/^-/, "") ?? "period") as TInvoiceSortKey;
  const stable = [{ partner: { name: "asc" as const } }, { id: "asc" as const }];
  switch (key) {
    case "number":
      return [{ number: { sort: dir, nulls: "last" } }, ...stable];
    case "partner":
      return [{ partner: { name: dir } }, { periodStart: "desc" }, { id: "asc" }];
    case "total":
      return [{ total: dir }, ...stable];
    case "status":
      return [{ status: dir }, { periodStart: "desc" }, ...stable];
    case "due":
      return [{ dueAt: { sort: dir, nulls: "last" } }, ...stable];
    default:
      return [{ periodStart: dir }, ...stable];
  }
}

export interface InvoiceRow {
  id: string;
  number: string | null;
  status: InvoiceStatus;
  partnerId: string;
  partnerName: string;
  /** The partner-local month billed, "2026-10". */
  month: string;
  currency: string;
  net: string;
  total: string;
  issuedAt: Date | null;
  dueAt: Date | null;
  paidAt: Date | null;
}

const ROW_SELECT = {
  id: true,
  number: true,
  status: true,
  partnerId: true,
  periodStart: true,
  currency: true,
  net: true,
  total: true,
  issuedAt: true,
  dueAt: true,
  paidAt: true,
  partner: { select: { name: true, timeZone: true } },
} satisfies Prisma.InvoiceSelect;

function toRow({
  partner,
  periodStart,
  net,
  total,
  ...invoice
}: Prisma.InvoiceGetPayload<{ select: typeof ROW_SELECT }>) {
  return {
    ...invoice,
    partnerName: partner.name,
    month: monthKeyIn(periodStart, partner.timeZone),
    net: money(net),
    total: money(total),
  } satisfies InvoiceRow;
}

/**
 * A page of the invoices the actor may see (admins every partner's, drafts included; a partner its
 * issued ones), filtered, sorted and paged by the database, with the total.
 */
export async function listInvoices(db: Db, actor: Actor, rawSearch: unknown = {}) {
  assertCan(actor, "invoices.view");
  const { page: asked, sort, ...search } = ZInvoiceSearch.parse(rawSearch ?? {});
  const where: Prisma.InvoiceWhereInput = { AND: [scope.invoices(actor), ...filterWhere(actor, search)] };
  const total = await db.invoice.count({ where });
  const { page, pageCount, skip, take } = pageOf(total, INVOICES_PAGE_SIZE, asked);
  const invoices = await db.invoice.findMany({ where, orderBy: orderBy(sort), skip, take, select: ROW_SELECT });
  return { rows: invoices.map(toRow), total, page, pageCount };
}

export interface InvoiceLineView {
  id: string;
  kind: InvoiceLineKind;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  formula: string;
}

export interface InvoicePbxGroup {
  /** Null for lines of no PBX. */
  pbxId: string | null;
  pbxName: string;
  customerName: string | null;
  lines: InvoiceLineView[];
  subtotal: string;
}

const atLeastZero = (value: Prisma.Decimal) => (value.isNegative() ? value.mul(0) : value);

/** Trailing zeros of a stored quantity or rate (numeric(14,3), (5,2)) say nothing: "4", "22". */
const plain = (value: Prisma.Decimal) => value.toString();
/** A unit price (numeric(14,5)) with its cents at least, and its rate's own digits beyond: "715.20", "0.012". */
const unitPrice = (value: Prisma.Decimal) => value.toFixed(Math.max(2, value.decimalPlaces()));

/**
 * One invoice with what its page and documents show: the header, the lines in their order grouped by
 * PBX (with the PBX's and its customer's names), credit notes and payments. An invoice outside the
 * actor's scope (another partner's, or a draft for a partner) is NOT_FOUND exactly like a missing id.
 */
export async function invoiceDetail(db: Db, actor: Actor, id: string) {
  assertCan(actor, "invoices.view");
  if (!ZId.safeParse(id).success) throw new AppError("NOT_FOUND", "This invoice does not exist.");
  const invoice = await db.invoice.findFirst({
    where: { AND: [scope.invoices(actor), { id }] },
    include: {
      partner: { select: { id: true, timeZone: true, ...PARTNER_AS_BILLED } },
      lines: { orderBy: { sortOrder: "asc" }, take: DETAIL_LINE_LIMIT },
      _count: { select: { lines: true } },
      creditNotes: {
        orderBy: [{ issuedAt: "asc" }, { number: "asc" }],
        select: { id: true, number: true, reason: true, net: true, vatAmount: true, total: true, issuedAt: true },
      },
      payments: {
        orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }],
        select: { id: true, amount: true, paidOn: true, reference: true, source: true },
      },
    },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "This invoice does not exist.");

  const pbxIds = [...new Set(invoice.lines.flatMap((line) => (line.pbxId ? [line.pbxId] : [])))];
  const pbxs = pbxIds.length
    ? await db.pbx.findMany({
        where: { AND: [scope.pbxs(actor), { id: { in: pbxIds } }] },
        select: { id: true, name: true, customer: { select: { name: true } } },
      })
    : [];
  const pbxById = new Map(pbxs.map((pbx) => [pbx.id, pbx]));

  // Lines are stored in PBX order (decision 0059): consecutive lines of one PBX make its group.
  const groups: (Omit<InvoicePbxGroup, "subtotal"> & { sum: Prisma.Decimal })[] = [];
  for (const line of invoice.lines) {
    let group = groups.at(-1);
    if (!group || group.pbxId !== line.pbxId) {
      const pbx = line.pbxId ? pbxById.get(line.pbxId) : undefined;
      group = {
        pbxId: line.pbxId,
        pbxName: line.pbxId ? (pbx?.name ?? "A PBX no longer listed") : "Other charges",
        customerName: pbx?.customer.name ?? null,
        lines: [],
        sum: line.amount.mul(0),
      };
      groups.push(group);
    }
    group.sum = group.sum.add(line.amount);
    group.lines.push({
      id: line.id,
      kind: line.kind,
      description: line.description,
      quantity: plain(line.quantity),
      unitPrice: unitPrice(line.unitPrice),
      amount: money(line.amount),
      formula: line.formula,
    });
  }

  const paid = invoice.payments.reduce((sum, p) => sum.add(p.amount), invoice.total.mul(0));
  const credited = invoice.creditNotes.reduce((sum, c) => sum.add(c.total), invoice.total.mul(0));
  const billedTo = billedToOf(invoice.billedTo, invoice.partner);
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    partner: { id: invoice.partner.id, name: invoice.partner.name },
    month: monthKeyIn(invoice.periodStart, invoice.partner.timeZone),
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    timeZone: invoice.partner.timeZone,
    currency: invoice.currency,
    net: money(invoice.net),
    vatRate: plain(invoice.vatRate),
    vatAmount: money(invoice.vatAmount),
    vatNote: invoice.vatNote,
    reverseCharge: invoice.reverseCharge,
    total: money(invoice.total),
    billedTo,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    paidAt: invoice.paidAt,
    createdAt: invoice.createdAt,
    groups: groups.map(({ sum, ...group }) => ({ ...group, subtotal: money(sum) }) satisfies InvoicePbxGroup),
    /** Every line of the invoice; `groups` hold the first DETAIL_LINE_LIMIT (the CSV and PDF have all). */
    lineCount: invoice._count.lines,
    creditNotes: invoice.creditNotes.map((c) => ({
      ...c,
      net: money(c.net),
      vatAmount: money(c.vatAmount),
      total: money(c.total),
    })),
    payments: invoice.payments.map((p) => ({ ...p, amount: money(p.amount) })),
    paid: money(paid),
    credited: money(credited),
    /** What is still to pay: the total less payments and credit notes (never below 0). */
    outstanding: money(atLeastZero(invoice.total.sub(paid).sub(credited))),
  };
}
export type InvoiceDetail = Awaited<ReturnType<typeof invoiceDetail>>;

export interface CreditNoteRow {
  id: string;
  number: string;
  invoiceId: string;
  invoiceNumber: string | null;
  partnerName: string;
  reason: string;
  currency: string;
  total: string;
  issuedAt: Date;
}

/** A page of the credit notes the actor may see (a partner its own; admins all, or one partner's), newest first. */
export async function listCreditNotes(
  db: Db,
  actor: Actor,
  params: { page?: number; partnerId?: string; invoiceId?: string } = {},
) {
  assertCan(actor, "invoices.view");
  const where: Prisma.CreditNoteWhereInput = {
    AND: [
      scope.creditNotes(actor),
      params.partnerId ? { partnerId: params.partnerId } : {},
      params.invoiceId ? { invoiceId: params.invoiceId } : {},
    ],
  };
  const total = await db.creditNote.count({ where });
  const { page, pageCount, skip, take } = pageOf(total, CREDIT_NOTES_PAGE_SIZE, params.page ?? 1);
  const notes = await db.creditNote.findMany({
    where,
    orderBy: [{ issuedAt: "desc" }, { number: "desc" }],
    skip,
    take,
    select: {
      id: true,
      number: true,
      invoiceId: true,
      reason: true,
      currency: true,
      total: true,
      issuedAt: true,
      invoice: { select: { number: true } },
      partner: { select: { name: true } },
    },
  });
  const rows: CreditNoteRow[] = notes.map(({ invoice, partner, total: amount, ...note }) => ({
    ...note,
    invoiceNumber: invoice.number,
    partnerName: partner.name,
    total: money(amount),
  }));
  return { rows, total, page, pageCount };
}

/** A credit note the actor may read, for its download: NOT_FOUND outside the scope, like a missing one. */
export async function readableCreditNote(db: Db, actor: Actor, id: string) {
  assertCan(actor, "invoices.view");
  const note = ZId.safeParse(id).success
    ? await db.creditNote.findFirst({
        where: { AND: [scope.creditNotes(actor), { id }] },
        select: { id: true, number: true },
      })
    : null;
  if (!note) throw new AppError("NOT_FOUND", "This credit note does not exist.");
  return note;
}

/** An invoice the actor may read, for its downloads: NOT_FOUND outside the scope (a partner's draft included). */
export async function readableInvoice(db: Db, actor: Actor, id: string) {
  assertCan(actor, "invoices.view");
  const invoice = ZId.safeParse(id).success
    ? await db.invoice.findFirst({
        where: { AND: [scope.invoices(actor), { id }] },
        select: {
          id: true,
          number: true,
          status: true,
          periodStart: true,
          partner: { select: { name: true, timeZone: true } },
        },
      })
    : null;
  if (!invoice) throw new AppError("NOT_FOUND", "This invoice does not exist.");
  return invoice;
}

export interface PartnerOption {
  id: string;
  name: string;
}

/** The run form's partner picker: partners found by any part of their name (or a pasted id), a page at a time. */
export async function searchInvoicePartners(db: Db, actor: Actor, input: { q?: string }) {
  assertCan(actor, "invoices.manage");
  const q = input.q?.trim();
  const where: Prisma.PartnerWhereInput = {
    AND: [
      scope.partners(actor),
      q ? { OR: [{ name: containsText(q) }, ...(ZId.safeParse(q).success ? [{ id: q }] : [])] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.partner.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: PARTNER_PICK_LIMIT,
      select: { id: true, name: true },
    }),
    db.partner.count({ where }),
  ]);
  return { rows: rows satisfies PartnerOption[], total };
}
