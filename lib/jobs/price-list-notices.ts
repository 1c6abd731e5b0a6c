import { z } from "zod";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { notifyPartner } from "@/lib/notifications/notify";
import { PUBLISHED_ACTION } from "@/lib/pricing/import/publish";
import { defineJob } from "./definition";
import { MAIL_SWEEP } from "./mail-jobs";

export const PRICE_LIST_NOTICES = "price-list-notices";
const NOTICE_ACTION = "pricelist.partners_notified";

/**
 * Tells every partner who buys at the published version's tier (every partner, for End User: they
 * all resell at it) that a new version takes effect, with the date and a link to what changed. The
 * audit entry written with the notices is the record that they went out, so a job delivered twice
 * notifies once. Every tenant: a job, never a request.
 */
export async function unsafeNotifyPriceListPublished(db: Db, priceListId: string) {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${NOTICE_ACTION}), hashtext(${priceListId}))`;
      if (await tx.auditLog.count({ where: { action: NOTICE_ACTION, entityId: priceListId } })) return 0;
      const list = await tx.priceList.findUnique({
        where: { id: priceListId },
        select: { validFrom: true, publishedAt: true, tier: { select: { id: true, code: true, name: true } } },
      });
      // A draft tells no one; its publication queues the notices again (docs/decisions/0057).
      if (!list?.publishedAt) return 0;
      const partners = await tx.partner.findMany({
        where: list.tier.code === END_USER_TIER_CODE ? {} : { tierId: list.tier.id },
        select: { id: true },
      });
      // A draft published after its date takes effect when published.
      const date = formatDate(list.validFrom > list.publishedAt ? list.validFrom : list.publishedAt);
      for (const partner of partners) {
        await notifyPartner(tx, partner.id, {
          event: "pricelists",
          title: `New ${list.tier.name} price list from ${date}`,
          body: `A new version of the ${list.tier.name} price list takes effect on ${date}. See every price that rose, fell, appeared or was withdrawn, and download the list, so you can tell your customers before the date.`,
          link: `/price-list/changes?tier=${list.tier.code}&to=${priceListId}`,
        });
      }
      await recordAudit(tx, {
        action: NOTICE_ACTION,
        entityType: "PriceList",
        entityId: priceListId,
        detail: { partners: partners.length },
      });
      return partners.length;
    },
    { timeout: 60_000 },
  );
}

/** Versions published through the portal whose partners were not told yet (the queueing after publishing failed). */
async function unsafeVersionsNotNotified(db: Db) {
  const published = await db.auditLog.findMany({
    where: { action: PUBLISHED_ACTION, createdAt: { gt: new Date(Date.now() - 30 * 86_400_000) } },
    select: { entityId: true },
  });
  const ids = published.flatMap((p) => (p.entityId ? [p.entityId] : []));
  const notified = new Set(
    (
      await db.auditLog.findMany({
        where: { action: NOTICE_ACTION, entityId: { in: ids } },
        select: { entityId: true },
      })
    ).map((n) => n.entityId),
  );
  return ids.filter((id) => !notified.has(id));
}

/** One version's notices when queued after publishing; with no version, the hourly catch-up of any left behind. */
export const priceListNoticesJob = defineJob({
  name: PRICE_LIST_NOTICES,
  queue: { policy: "standard", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  schedule: "20 * * * *",
  parse: (data) => z.object({ priceListId: z.string().min(1).optional() }).parse(data),
  async run({ db, enqueue }, { priceListId }) {
    let notified = 0;
    for (const id of priceListId ? [priceListId] : await unsafeVersionsNotNotified(db))
      notified += await unsafeNotifyPriceListPublished(db, id);
    if (notified) await enqueue(MAIL_SWEEP, {});
    return notified;
  },
});
