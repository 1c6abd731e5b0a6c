import type { Actor } from "@/lib/auth/actor";
import { issueInvoice } from "@/lib/billing/issue";
import { runInvoiceBatch } from "@/lib/billing/run-invoice-batch";
import type { Db } from "@/lib/db/client";
import { PARTNERS, partnerId, type PartnerKey } from "./tenants";

/**
 * Last month's invoices of the demo partners, made by the real run (drafts for the admin to review)
 * and Alpentel's issued by the demo admin, so the billing pages of the demo logins show something
 * real. A database that has invoices already gets none.
 */
export async function seedDemoInvoices(db: Db, admin: Actor, now: Date): Promise<number> {
  if (await db.invoice.count()) return 0;
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const partnerIds = (Object.keys(PARTNERS) as PartnerKey[]).map(partnerId);
  const { results } = await runInvoiceBatch(db, { month, partnerIds }, now);
  const alpentel = results.find((r) => r.partnerId === partnerId("alpentel"));
  if (alpentel?.outcome === "DRAFTED") await issueInvoice(db, admin, { invoiceId: alpentel.invoiceId }, now);
  return results.filter((r) => r.outcome === "DRAFTED").length;
}
