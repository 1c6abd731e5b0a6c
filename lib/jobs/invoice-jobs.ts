import { unsafeInvoiceableMonths } from "@/lib/billing/invoiceable-months";
import { runInvoiceMonth, ZInvoiceRun } from "@/lib/billing/run-invoice-month";
import { defineJob } from "./definition";

export const INVOICE_RUN = "invoice-run";
export const INVOICE_RUN_DUE = "invoice-run-due";

/**
 * Builds one partner's DRAFT invoice for one local month (docs/decisions/0059). One job per
 * partner-month (its key), so 1,000 partners are 1,000 short jobs that workers share, and one
 * blocked or failing partner never holds the others back. Idempotent: `runInvoiceMonth` rebuilds a
 * draft to the same lines and never touches an issued invoice; a crash rolls its transaction back.
 */
export const invoiceRunJob = defineJob({
  name: INVOICE_RUN,
  queue: { policy: "short", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
  parse: (data) => ZInvoiceRun.parse(data),
  run: ({ db, now }, input) => runInvoiceMonth(db, input, now()),
});

/**
 * Hourly: asks for the invoice of each partner's previous local month once it has ended in the
 * partner's zone (a month ends at some hour of the UTC day), while it has none. Enqueuing is
 * idempotent: one waiting job per partner-month.
 */
export const invoiceRunDueJob = defineJob({
  name: INVOICE_RUN_DUE,
  queue: { policy: "short", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  schedule: "40 * * * *",
  parse: () => ({}),
  async run({ db, enqueue, now }) {
    const due = await unsafeInvoiceableMonths(db, now());
    for (const request of due) await enqueue(INVOICE_RUN, request, `${request.partnerId}:${request.month}`);
    return due.length;
  },
});
