import { createHash } from "node:crypto";
import { unsafeInvoiceableMonths } from "@/lib/billing/invoiceable-months";
import { unsafeMarkOverdueInvoices } from "@/lib/billing/payments";
import {
  INVOICE_BATCH_MAX,
  runInvoiceBatch,
  ZInvoiceBatch,
  type InvoiceBatchResult,
} from "@/lib/billing/run-invoice-batch";
import { runInvoiceMonth, ZInvoiceRun } from "@/lib/billing/run-invoice-month";
import { defineJob } from "./definition";

export const INVOICE_RUN = "invoice-run";
export const INVOICE_RUN_BATCH = "invoice-run-batch";
export const INVOICE_RUN_DUE = "invoice-run-due";

const RUN_QUEUE = {
  policy: "short",
  retryLimit: 3,
  retryDelay: 60,
  retryBackoff: true,
  expireInSeconds: 30 * 60,
} as const;

/**
 * Builds one partner's DRAFT invoice for one local month (docs/decisions/0059): the admin's run of a
 * partner (a batch of one, docs/decisions/0064). Idempotent: `runInvoiceMonth` rebuilds a draft to
 * the same lines and never touches an issued invoice; a crash rolls its transaction back.
 */
export const invoiceRunJob = defineJob({
  name: INVOICE_RUN,
  queue: RUN_QUEUE,
  parse: (data) => ZInvoiceRun.parse(data),
  run: ({ db, now }, input) => runInvoiceMonth(db, input, now()),
});

/**
 * Builds the DRAFT invoices of a batch of partners for one local month (docs/decisions/0064): one
 * pass over the month's calls for the whole batch and one transaction for its drafts, where one job
 * a partner cost a transaction, its locks and a queue round trip each. A blocked or failing partner
 * is reported in the output (and asked for again by the next fan-out) without holding the others
 * back. Idempotent as the run of one partner is.
 */
export const invoiceRunBatchJob = defineJob({
  name: INVOICE_RUN_BATCH,
  queue: RUN_QUEUE,
  parse: (data) => ZInvoiceBatch.parse(data),
  run: async ({ db, now }, input) => batchReport(await runInvoiceBatch(db, input, now())),
});

/** The job's output on /admin/jobs: counts, and each partner left without a draft with the reason. */
function batchReport({ month, locking, results }: InvoiceBatchResult) {
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  return {
    month,
    locking,
    drafted: count("DRAFTED"),
    issuedUntouched: count("ISSUED_UNTOUCHED"),
    nothingToBill: count("NOTHING_TO_BILL"),
    notDrafted: results.flatMap((r) =>
      r.outcome === "BLOCKED" || r.outcome === "FAILED" ? [{ partnerId: r.partnerId, message: r.message }] : [],
    ),
  };
}

/** The due partner-months as batches: per month, partners in id order, at most `size` a batch. */
export function invoiceBatches(due: { partnerId: string; month: string }[], size = INVOICE_BATCH_MAX) {
  const months = [...new Set(due.map((d) => d.month))].sort();
  return months.flatMap((month) => {
    const partnerIds = [...new Set(due.filter((d) => d.month === month).map((d) => d.partnerId))].sort();
    return Array.from({ length: Math.ceil(partnerIds.length / size) }, (_, i) => ({
      month,
      partnerIds: partnerIds.slice(i * size, (i + 1) * size),
    }));
  });
}

/** One waiting job per batch: the same partners of the same month asked for again are the same job. */
const batchKey = ({ month, partnerIds }: { month: string; partnerIds: string[] }) =>
  `${month}:${createHash("sha256").update(partnerIds.join(",")).digest("hex").slice(0, 32)}`;

/**
 * Hourly: asks for the invoices of each partner's previous local month once it has ended in the
 * partner's zone (a month ends at some hour of the UTC day), while it has none, in batches
 * (docs/decisions/0064). Enqueuing is idempotent: one waiting job per batch.
 */
export const invoiceRunDueJob = defineJob({
  name: INVOICE_RUN_DUE,
  queue: { policy: "short", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  schedule: "40 * * * *",
  parse: () => ({}),
  async run({ db, enqueue, now }) {
    const due = await unsafeInvoiceableMonths(db, now());
    for (const batch of invoiceBatches(due)) await enqueue(INVOICE_RUN_BATCH, batch, batchKey(batch));
    return due.length;
  },
});

export const INVOICE_OVERDUE = "invoice-overdue";

/**
 * Daily: every issued invoice past its due date becomes OVERDUE (docs/decisions/0061), in one
 * UPDATE. Idempotent: an overdue or paid invoice is not touched again.
 */
export const invoiceOverdueJob = defineJob({
  name: INVOICE_OVERDUE,
  queue: { policy: "short", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  schedule: "15 5 * * *",
  parse: () => ({}),
  run: ({ db, now }) => unsafeMarkOverdueInvoices(db, now()),
});
