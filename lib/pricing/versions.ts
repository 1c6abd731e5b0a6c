import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { visiblePriceListTiers } from "./catalogue";
import { draftEffectSentence, draftTakesEffect } from "./drafts";

export type VersionStatus = "in force" | "upcoming" | "past" | "draft";

/**
 * Every tier with its versions, newest first, each marked in force, upcoming or past at `now`, or a
 * draft (docs/decisions/0057): a draft is never in force, so a tier with only drafts has none.
 */
export async function priceListVersionsByTier(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "pricelist.manage");
  const tiers = await visiblePriceListTiers(db, actor);
  const lists = await db.priceList.findMany({
    where: { tierId: { in: tiers.map((t) => t.id) } },
    orderBy: { validFrom: "desc" },
    select: { id: true, tierId: true, name: true, currency: true, validFrom: true, publishedAt: true },
  });
  return tiers.map((tier) => {
    const versions = lists.filter((l) => l.tierId === tier.id);
    const inForce = versions.find((v) => v.publishedAt && v.validFrom <= now);
    const statusOf = (v: (typeof versions)[number]): VersionStatus =>
      !v.publishedAt ? "draft" : v.id === inForce?.id ? "in force" : v.validFrom > now ? "upcoming" : "past";
    const publishedDates = versions.flatMap((v) => (v.publishedAt ? [v.validFrom] : []));
    return {
      ...tier,
      hasVersionInForce: Boolean(inForce),
      versions: versions.map((v) => ({
        ...v,
        status: statusOf(v),
        /** For a draft: what publishing it now would mean, as the confirmation says it. */
        onPublishing: v.publishedAt
          ? null
          : draftEffectSentence(v.validFrom, draftTakesEffect(v.validFrom, publishedDates, now)),
      })),
    };
  });
}
export type TierVersions = Awaited<ReturnType<typeof priceListVersionsByTier>>[number];
