import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * The price list in force for a tier. A partner always gets its own tier's list, whatever tier it
 * asks for; an admin may look at any tier.
 */
export async function currentPriceList(db: Db, actor: Actor, requestedTierCode?: string, now = new Date()) {
  assertCan(actor, "pricelist.view");
  let tierId: string | undefined;
  if (actor.role === "PARTNER") {
    const partner = await db.partner.findUniqueOrThrow({ where: { id: actor.partnerId! }, select: { tierId: true } });
    tierId = partner.tierId;
  } else if (requestedTierCode) {
    tierId = (await db.priceListTier.findUnique({ where: { code: requestedTierCode }, select: { id: true } }))?.id;
    if (!tierId) throw new AppError("NOT_FOUND", "No such price-list tier.");
  }
  const tiers = await db.priceListTier.findMany({ orderBy: { sortOrder: "asc" } });
  tierId ??= tiers[0]?.id;
  const priceList = await db.priceList.findFirst({
    where: { tierId, validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gt: now } }] },
    orderBy: { validFrom: "desc" },
    include: {
      tier: true,
      flatFeeBands: { orderBy: { minUsers: "asc" } },
      areaRates: { orderBy: { area: "asc" } },
      numberPrices: { orderBy: [{ country: { name: "asc" } }, { type: "asc" }], include: { country: { select: { name: true } } } },
      freephoneRates: { orderBy: [{ country: { name: "asc" } }, { source: "asc" }], include: { country: { select: { name: true } } } },
    },
  });
  return { priceList, tiers: actor.role === "ADMIN" ? tiers : tiers.filter((t) => t.id === tierId) };
}
