import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { runBatch, ZInvoiceMonth, type InvoiceRunResult } from "./run-invoice-batch";

export { ZInvoiceMonth, type Blocked, type InvoiceRunResult } from "./run-invoice-batch";

export const ZInvoiceRun = z.object({ partnerId: z.string().min(1), month: ZInvoiceMonth });
export type InvoiceRunInput = z.infer<typeof ZInvoiceRun>;

/**
 * Builds the DRAFT invoice of one partner's local calendar month (docs/decisions/0059): the admin's
 * run of one partner, a batch of one (docs/decisions/0064), so it bills exactly what the monthly
 * batches bill. Idempotent: a second run, a retry after a crash or two runs at once end with one
 * invoice and each charge on it once; a draft is rebuilt from scratch, an issued invoice left as it
 * is. A month whose lines cannot make an invoice (charges in two currencies) throws, as does an
 * unknown partner, after removing a stale draft.
 */
export async function runInvoiceMonth(db: Db, input: InvoiceRunInput, now: Date): Promise<InvoiceRunResult> {
  const { partnerId, month } = ZInvoiceRun.parse(input);
  const { outcomes, errors } = await runBatch(db, { month, partnerIds: [partnerId] }, now);
  const outcome = outcomes.get(partnerId)!;
  if (outcome.outcome === "FAILED") throw errors.get(partnerId) ?? new Error(outcome.message);
  return outcome;
}
