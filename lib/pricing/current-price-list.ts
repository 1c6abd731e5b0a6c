import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * The price list in force for a tier the actor may see (lib/auth/policy.ts: a partner only its own
 * tier, whatever tier it asks for; an admin any). An unknown tier code is NOT_FOUND.
 */
export async function currentPriceList(db: Db, actor: Actor, requestedTierCode?: string, now = new Date()) {
  assertCan(actor, "pricelist.view");
  const tiers = await db.priceListTier.findMany({ where: scope.priceListTiers(actor), orderBy: { sortOrder: "asc" } });
  if (requestedTierCode && !(await db.priceListTier.findUnique({ where: { code: requestedTierCode }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "No such price-list tier.");
  }
  const tier = tiers.find((t) => t.code === requestedTierCode) ?? tiers[0];
  if (!tier) return { priceList: null, tiers };
  const priceList = await db.priceList.findFirst({
    where: { tierId: tier.id, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
    orderBy: { validFrom: "desc" },
    include: {
      tier: true,
      flatFeeBands: { orderBy: { minUsers: "asc" } },
      areaRates: { orderBy: { area: "asc" } },
      numberPrices: { orderBy: [{ country: { name: "asc" } }, { type: "asc" }], include: { country: { select: { name: true } } } },
      freephoneRates: { orderBy: [{ country: { name: "asc" } }, { source: "asc" }], include: { country: { select: { name: true } } } },
    },
  });
  return { priceList, tiers };
}
