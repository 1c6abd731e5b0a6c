"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { issueCreditNote } from "@/lib/billing/credit-notes";
import { issueInvoice } from "@/lib/billing/issue";
import { markInvoiceOverdue, markInvoicePaid } from "@/lib/billing/payments";
import { invoiceDetail } from "@/lib/billing/queries";
import { requestInvoiceRuns } from "@/lib/billing/run-request";
import { ZRunMonthRequest } from "@/lib/billing/schemas";
import { ZCreditNoteInput, ZIssueInvoice, ZMarkOverdue, ZMarkPaid } from "@/lib/billing/schemas";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { action } from "@/lib/http/action";
import { ZId } from "@/lib/http/ids";
import { enqueueFromApp, requestMailDelivery } from "@/lib/jobs/enqueue";
import { INVOICE_RUN, INVOICE_RUN_BATCH, invoiceBatches } from "@/lib/jobs/invoice-jobs";

const LIST = "/admin/invoices";

/**
 * Checks and audits the request, then queues it: one partner as its own run, every partner in the
 * scheduled run's batches (docs/decisions/0064); one waiting job per key either way.
 */
async function queueRuns(db: Db, actor: Actor, input: z.output<typeof ZRunMonthRequest>) {
  const request = await requestInvoiceRuns(db, actor, input, new Date());
  if (input.who === "one")
    for (const job of request.jobs) await enqueueFromApp(INVOICE_RUN, job, `${job.partnerId}:${job.month}`);
  else
    for (const batch of invoiceBatches(request.jobs)) {
      const [first, last] = [batch.partnerIds[0], batch.partnerIds.at(-1)];
      await enqueueFromApp(INVOICE_RUN_BATCH, batch, `${batch.month}:${first}-${last}:${batch.partnerIds.length}`);
    }
  revalidatePath(LIST);
  return { month: request.month, count: request.count, named: request.named };
}

export const runInvoiceMonthAction = action(
  { permission: "invoices.manage", input: ZRunMonthRequest },
  (input, { actor, db }) => queueRuns(db, actor, input),
);

/** A draft's month, built again from what is recorded now (a late charge, a re-rating). */
export const rerunInvoiceMonthAction = action(
  { permission: "invoices.manage", input: z.object({ invoiceId: ZId }) },
  async ({ invoiceId }, { actor, db }) => {
    const invoice = await invoiceDetail(db, actor, invoiceId);
    const queued = await queueRuns(db, actor, { who: "one", partnerId: invoice.partner.id, month: invoice.month });
    revalidatePath(`${LIST}/${invoiceId}`);
    return queued;
  },
);

export const issueInvoiceAction = action(
  { permission: "invoices.manage", input: ZIssueInvoice },
  async (input, { actor, db }) => {
    const issued = await issueInvoice(db, actor, input, new Date());
    await requestMailDelivery();
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${input.invoiceId}`);
    return { id: issued.id, number: issued.number };
  },
);

export const markInvoicePaidAction = action(
  { permission: "invoices.manage", input: ZMarkPaid },
  async (input, { actor, db }) => {
    const result = await markInvoicePaid(db, actor, input, new Date());
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${input.invoiceId}`);
    return result;
  },
);

export const markInvoiceOverdueAction = action(
  { permission: "invoices.manage", input: ZMarkOverdue },
  async (input, { actor, db }) => {
    const result = await markInvoiceOverdue(db, actor, input, new Date());
    revalidatePath(LIST);
    revalidatePath(`${LIST}/${input.invoiceId}`);
    return result;
  },
);

export const issueCreditNoteAction = action(
  { permission: "invoices.manage", input: ZCreditNoteInput },
  async (input, { actor, db }) => {
    const note = await issueCreditNote(db, actor, input, new Date());
    await requestMailDelivery();
    revalidatePath(`${LIST}/${input.invoiceId}`);
    return { id: note.id, number: note.number };
  },
);
