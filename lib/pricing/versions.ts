import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { visiblePriceListTiers } from "./catalogue";

/** Every tier with its versions, newest first, each marked in force, upcoming or past at `now`. */
export async function priceListVersionsByTier(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "pricelist.manage");
  const tiers = await visiblePriceListTiers(db, actor);
  const lists = await db.priceList.findMany({
    where: { tierId: { in: tiers.map((t) => t.id) } },
    orderBy: { validFrom: "desc" },
    select: { id: true, tierId: true, name: true, currency: true, validFrom: true, createdAt: true },
  });
  return tiers.map((tier) => {
    const versions = lists.filter((l) => l.tierId === tier.id);
    const inForce = versions.find((v) => v.validFrom <= now);
    return {
      ...tier,
      versions: versions.map((v) => ({
        ...v,
        status:
          v.id === inForce?.id ? ("in force" as const) : v.validFrom > now ? ("upcoming" as const) : ("past" as const),
      })),
    };
  });
}
