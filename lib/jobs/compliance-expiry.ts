import { EXPIRY_NOTICE_DAYS } from "@/lib/activations/compliance-profile";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { notifyPartner } from "@/lib/notifications/notify";
import { defineJob } from "./definition";
import { MAIL_SWEEP } from "./mail-jobs";

const NOTICE_ACTION = "compliance.expiry_notified";

/**
 * Tells each partner, once per document, that a customer's compliance document expires within
 * EXPIRY_NOTICE_DAYS. The audit entry written with the notice is the record that it went out: a
 * document replaced by one with a new expiry date gets its own notice later. Every tenant: a job.
 */
export async function unsafeSendExpiryNotices(db: Db, now: Date) {
  const horizon = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * 86_400_000);
  // One run at a time across instances, so two runs cannot both find a document un-noticed.
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${NOTICE_ACTION}))`;
      const documents = await tx.complianceDocument.findMany({
        where: { expiresAt: { gt: now, lte: horizon } },
        select: {
          id: true,
          expiresAt: true,
          requiredDocument: { select: { name: true } },
          customer: { select: { name: true, partnerId: true } },
        },
      });
      const noticed = await tx.auditLog.findMany({
        where: { action: NOTICE_ACTION, entityId: { in: documents.map((d) => d.id) } },
        select: { entityId: true, detail: true },
      });
      const alreadyNoticed = new Set(
        noticed.map((n) => `${n.entityId}|${(n.detail as { expiresAt?: string } | null)?.expiresAt}`),
      );
      let sent = 0;
      for (const doc of documents) {
        const expiresAt = doc.expiresAt!.toISOString();
        if (alreadyNoticed.has(`${doc.id}|${expiresAt}`)) continue;
        await notifyPartner(tx, doc.customer.partnerId, {
          event: "compliance.expiring",
          title: `${doc.requiredDocument.name} of ${doc.customer.name} expires ${formatDate(doc.expiresAt)}`,
          body: `The ${doc.requiredDocument.name} on file for ${doc.customer.name} expires on ${formatDate(doc.expiresAt)}. Upload a renewed copy with the customer's next activation request so their service is not held up.`,
          link: "/customers?attention=1",
        });
        await recordAudit(tx, {
          action: NOTICE_ACTION,
          entityType: "ComplianceDocument",
          entityId: doc.id,
          detail: { expiresAt },
        });
        sent++;
      }
      return sent;
    },
    { timeout: 60_000 },
  );
}

export const complianceExpiryJob = defineJob({
  name: "compliance-expiry-notices",
  queue: { policy: "short", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  schedule: "0 6 * * *",
  parse: () => ({}),
  async run({ db, enqueue, now }) {
    const sent = await unsafeSendExpiryNotices(db, now());
    if (sent) await enqueue(MAIL_SWEEP, {});
    return sent;
  },
});
