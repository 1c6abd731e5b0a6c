import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { deleteDrafts, newRowId, releaseDrafts, writeDrafts, type DraftInvoice } from "./draft-writes";
import { batchParameters, gatherPartnerMonths, type PartnerMonth, type UnratedCount } from "./gather";
import { buildLines, invoiceCurrency, invoiceTotal } from "./lines";
import { lockRun, type RunLocking } from "./run-locks";
import { vatOf, vatTreatment } from "./vat";

/** A partner-local calendar month, "2026-10" (docs/decisions/0041). */
export const ZInvoiceMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month as YYYY-MM");

/**
 * The most partners one batch runs (docs/decisions/0064): one transaction writes their drafts, and
 * its gathered rows (about 70 a partner of 10 PBXs) and lines stay a few MB.
 */
export const INVOICE_BATCH_MAX = 1_000;
export const ZInvoiceBatch = z.object({
  month: ZInvoiceMonth,
  partnerIds: z.array(z.string().min(1)).min(1).max(INVOICE_BATCH_MAX),
});
export type InvoiceBatchInput = z.infer<typeof ZInvoiceBatch>;

/** A batch of partners' months reads a few million calls: minutes, not Prisma's 5 s. */
const RUN_TRANSACTION = { timeout: 10 * 60_000, maxWait: 60_000 };

export type InvoiceRunResult =
  /** A draft built (or rebuilt) with these lines. */
  | { outcome: "DRAFTED"; invoiceId: string; net: string; total: string; currency: string; lines: number }
  /** Issued, paid or overdue: never rebuilt (corrections are credit notes). */
  | { outcome: "ISSUED_UNTOUCHED"; invoiceId: string; status: string }
  /** Calls or SMS of the month not rated: not invoiced, never billed at 0 (docs/decisions/0041). */
  | { outcome: "BLOCKED"; blocked: Blocked; message: string; draftRemoved: boolean }
  /** Nothing to bill: no invoice (a draft of an earlier run is removed). */
  | { outcome: "NOTHING_TO_BILL"; draftRemoved: boolean };

/** A partner of a batch whose month cannot be drafted (no such partner, charges in two currencies, no VAT rate). */
export type InvoiceRunFailure = { outcome: "FAILED"; message: string; draftRemoved: boolean };

export type PartnerRunResult = { partnerId: string } & (InvoiceRunResult | InvoiceRunFailure);

export interface Blocked {
  calls: number;
  sms: number;
  reasons: UnratedCount[];
}

export interface InvoiceBatchResult {
  month: string;
  locking: RunLocking;
  /** One per partner of the batch, in partner id order. */
  results: PartnerRunResult[];
}

/**
 * Builds the DRAFT invoices of a batch of partners for one local calendar month
 * (docs/decisions/0059, 0064), in one transaction: every service charge and completed number-order
 * line of each partner that arose in its month and is not invoiced yet, and the month's rated usage,
 * read by one statement per kind for the whole batch. Each partner keeps its own outcome: one whose
 * month has unrated records is BLOCKED, one whose lines cannot make an invoice FAILED, and neither
 * holds the others back; an issued invoice is left as it is; a draft is rebuilt from scratch (its id
 * kept). Idempotent: under the run's locks a second run, a retry after a crash (nothing of a
 * rolled-back batch remains) or two runs at once end with one invoice a partner-month and each charge
 * on it once.
 */
export async function runInvoiceBatch(db: Db, input: InvoiceBatchInput, now: Date): Promise<InvoiceBatchResult> {
  const { month } = ZInvoiceBatch.parse(input);
  const { outcomes, locking } = await runBatch(db, input, now);
  return { month, locking, results: [...outcomes].map(([partnerId, outcome]) => ({ partnerId, ...outcome })) };
}

/**
 * The batch: each partner's outcome (in partner id order), and the error behind each FAILED one (a
 * run of one partner rethrows it).
 */
export async function runBatch(db: Db, input: InvoiceBatchInput, now: Date) {
  const { month, ...parsed } = ZInvoiceBatch.parse(input);
  const partnerIds = [...new Set(parsed.partnerIds)].sort();
  return db.$transaction(async (tx) => {
    const locking = await lockRun(tx, month, partnerIds);
    const partners = await partnersOf(tx, partnerIds, month);
    const outcomes = new Map<string, InvoiceRunResult | InvoiceRunFailure>();
    const errors = new Map<string, unknown>();
    for (const partnerId of partnerIds.filter((id) => !partners.has(id)))
      outcomes.set(partnerId, { outcome: "FAILED", message: `No partner ${partnerId}.`, draftRemoved: false });
    const open = [...partners.values()].filter((p) => {
      if (!p.invoiceId || p.status === "DRAFT") return true;
      outcomes.set(p.id, { outcome: "ISSUED_UNTOUCHED", invoiceId: p.invoiceId, status: p.status! });
      return false;
    });
    const drafts = open.flatMap((p) => (p.invoiceId ? [p.invoiceId] : []));
    await releaseDrafts(tx, drafts);
    const openIds = open.map((p) => p.id);
    const months = openIds.length
      ? await gatherPartnerMonths(tx, batchParameters(openIds, month))
      : new Map<string, PartnerMonth>();

    const written: DraftInvoice[] = [];
    const removed: string[] = [];
    for (const partner of open) {
      const built = draftOf(partner, months.get(partner.id)!, month, now);
      const draftRemoved = Boolean(partner.invoiceId) && !built.draft;
      if (draftRemoved) removed.push(partner.invoiceId!);
      if (built.draft) written.push(built.draft);
      outcomes.set(partner.id, built.outcome(draftRemoved));
      if (built.error !== undefined) errors.set(partner.id, built.error);
    }
    await deleteDrafts(tx, removed);
    await writeDrafts(tx, written);
    return { locking, errors, outcomes: new Map(partnerIds.map((id) => [id, outcomes.get(id)!])) };
  }, RUN_TRANSACTION);
}

interface PartnerToRun {
  id: string;
  billedTo: { name: string; countryCode: string; countryName: string; vatNumber: string | null; billingEmail: string };
  periodStart: Date;
  periodEnd: Date;
  invoiceId: string | null;
  status: string | null;
}

/**
 * The batch's partners with their local month's bounds (UTC instants, as `Invoice.periodStart` holds
 * them) and the invoice of that month, if any, locked: issuing waits for the run, or the run for the issue.
 */
async function partnersOf(tx: Prisma.TransactionClient, partnerIds: string[], month: string) {
  const rows = await tx.$queryRawUnsafe<
    (Omit<PartnerToRun, "billedTo"> & PartnerToRun["billedTo"] & { timeZone: string })[]
  >(
    `WITH period AS (
       SELECT p.id, p.name, p."countryCode", c.name AS "countryName", p."vatNumber", p."billingEmail",
         ((($2::timestamp) AT TIME ZONE p."timeZone") AT TIME ZONE 'UTC') AS "periodStart",
         ((($2::timestamp + interval '1 month') AT TIME ZONE p."timeZone") AT TIME ZONE 'UTC') AS "periodEnd"
       FROM "Partner" p JOIN "Country" c ON c.code = p."countryCode"
       WHERE p.id = ANY($1::text[]))
     SELECT period.*, i.id AS "invoiceId", i.status::text AS status
     FROM period LEFT JOIN LATERAL (
       SELECT i.id, i.status FROM "Invoice" i
       WHERE i."partnerId" = period.id AND i."periodStart" = period."periodStart" FOR UPDATE) i ON true`,
    partnerIds,
    `${month}-01 00:00:00`,
  );
  return new Map(
    rows.map(({ name, countryCode, countryName, vatNumber, billingEmail, ...row }) => [
      row.id,
      { ...row, billedTo: { name, countryCode, countryName, vatNumber, billingEmail } } satisfies PartnerToRun,
    ]),
  );
}

/** A partner's draft, if its month makes one, and its outcome once the batch knows whether a stale draft went. */
interface Built {
  draft?: DraftInvoice;
  /** Why the partner FAILED. */
  error?: unknown;
  outcome(draftRemoved: boolean): InvoiceRunResult | InvoiceRunFailure;
}

/** One partner's outcome from its gathered month: blocked, nothing to bill, failed, or its draft. */
function draftOf(partner: PartnerToRun, gathered: PartnerMonth, month: string, now: Date): Built {
  if (gathered.unrated.length)
    return { outcome: (draftRemoved) => ({ ...blocked(gathered.unrated, month), draftRemoved }) };
  try {
    const lines = buildLines(gathered);
    if (!lines.length) return { outcome: (draftRemoved) => ({ outcome: "NOTHING_TO_BILL", draftRemoved }) };
    const currency = invoiceCurrency(lines);
    const net = invoiceTotal(lines);
    // Supplied over the month: the rate in force on its last day.
    const vat = vatTreatment(partner.billedTo, new Date(partner.periodEnd.getTime() - 1));
    const vatAmount = vatOf(net, vat.rate);
    const total = net.add(vatAmount);
    const id = partner.invoiceId ?? newRowId();
    const draft: DraftInvoice = {
      id,
      partnerId: partner.id,
      periodStart: partner.periodStart,
      periodEnd: partner.periodEnd,
      currency,
      net,
      vatRate: vat.rate,
      vatAmount,
      vatNote: vat.note,
      reverseCharge: vat.reverseCharge,
      total,
      billedTo: partner.billedTo,
      createdAt: now,
      lines,
    };
    const result = {
      outcome: "DRAFTED",
      invoiceId: id,
      net: net.toFixed(2),
      total: total.toFixed(2),
      currency,
      lines: lines.length,
    } as const;
    return { draft, outcome: () => result };
  } catch (error) {
    // This partner's data cannot make an invoice (charges in two currencies, a country without a VAT
    // rate): reported, its stale draft removed, and the batch goes on for the others.
    const message = error instanceof Error ? error.message : String(error);
    return { error, outcome: (draftRemoved) => ({ outcome: "FAILED", message, draftRemoved }) };
  }
}

function blocked(unrated: UnratedCount[], month: string) {
  const count = (table: UnratedCount["table"]) =>
    unrated.filter((u) => u.table === table).reduce((sum, u) => sum + u.count, 0);
  const result: Blocked = { calls: count("calls"), sms: count("sms"), reasons: unrated };
  const why = unrated.map((u) => `${u.count} ${u.table === "calls" ? "calls" : "SMS"} ${u.reason}`).join(", ");
  return {
    outcome: "BLOCKED" as const,
    blocked: result,
    message:
      `${month} is not invoiced: ${result.calls} calls and ${result.sms} SMS are not rated (${why}). ` +
      "Fix their prices or numbers and re-rate the month (/admin/rating), then run the invoice again.",
  };
}
