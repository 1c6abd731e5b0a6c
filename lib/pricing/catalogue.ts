import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { priceListInForce, PUBLISHED } from "./price-list-in-force";

/** R5 and R15: what every user's flat fee includes each month. */
export const INCLUDED_PER_USER = { area1Minutes: 3000, sms: 200 } as const;

const CATALOGUE_INCLUDE = {
  tier: { select: { code: true, name: true } },
  flatFeeBands: { orderBy: { minUsers: "asc" } },
  areaRates: { orderBy: { area: "asc" } },
  numberPrices: { include: { country: { select: { name: true } } } },
  freephoneRates: true,
} satisfies Prisma.PriceListInclude;

type Money = Prisma.Decimal;
export interface Catalogue {
  tier: { code: string; name: string };
  name: string;
  currency: string;
  validFrom: Date;
  /** Not published yet (docs/decisions/0057): only an admin reviewing it reads it. */
  isDraft?: boolean;
  smsRate: Money;
  flatFeeBands: { sku: string; description: string; minUsers: number; maxUsers: number | null; pricePerUser: Money }[];
  areaRates: { area: number; perMinute: Money }[];
  /** Every covered destination with its calling prefix, by area then name. */
  destinations: { area: number; country: string; countryCode: string; prefix: string }[];
  /** Geographic and mobile numbers (R6), by country. */
  numbers: {
    country: string;
    countryCode: string;
    type: "GEOGRAPHIC" | "MOBILE";
    setupFee: Money;
    monthlyFee: Money;
  }[];
  /** FreePhone numbers (R7): the number's fees and the per-minute price by the caller's source. */
  freephone: {
    country: string;
    countryCode: string;
    setupFee: Money;
    monthlyFee: Money;
    fixed: Money | null;
    mobile: Money | null;
    payphone: Money | null;
  }[];
}

/** The tiers whose price lists the actor may see, with the one it buys at (a partner's own tier) marked. */
export async function visiblePriceListTiers(db: Db, actor: Actor) {
  assertCan(actor, "pricelist.view");
  const [tiers, partner] = await Promise.all([
    db.priceListTier.findMany({
      where: scope.priceListTiers(actor),
      orderBy: { sortOrder: "asc" },
      select: { id: true, code: true, name: true },
    }),
    actor.partnerId ? db.partner.findUnique({ where: { id: actor.partnerId }, select: { tierId: true } }) : null,
  ]);
  return tiers.map((tier) => ({ ...tier, isOwn: tier.id === partner?.tierId }));
}

/**
 * The tiers the actor may see and the catalogue in force for the one asked for (default: the
 * partner's own tier). Asking for a tier outside the actor's scope is NOT_FOUND, never another
 * tier's prices.
 */
export async function catalogueInForce(db: Db, actor: Actor, requestedTierCode: string | undefined, now = new Date()) {
  const tiers = await visiblePriceListTiers(db, actor);
  const tier = requestedTierCode
    ? tiers.find((t) => t.code === requestedTierCode)
    : (tiers.find((t) => t.isOwn) ?? tiers[0]);
  if (!tier) {
    if (requestedTierCode) throw new AppError("NOT_FOUND", "No such price-list tier.");
    return { tiers, tier: null, catalogue: null };
  }
  const priceList = await priceListInForce(db, tier.id, now, CATALOGUE_INCLUDE);
  return { tiers, tier, catalogue: priceList && (await withDestinations(db, priceList)) };
}

/**
 * One stored version of a tier's price list as a catalogue, or null. The tier id comes from a row the
 * policy already let the actor see; the version must belong to it, whatever id the request carried.
 * A draft only when asked for (an admin reviewing or replacing it), never for a partner.
 */
export async function catalogueOfVersion(
  db: Db,
  tierId: string,
  priceListId: string,
  { drafts = false } = {},
): Promise<Catalogue | null> {
  const priceList = await db.priceList.findFirst({
    where: { AND: [{ tierId }, { id: priceListId }, drafts ? {} : PUBLISHED] },
    include: CATALOGUE_INCLUDE,
  });
  return priceList && withDestinations(db, priceList);
}

async function withDestinations(db: Db, priceList: Prisma.PriceListGetPayload<{ include: typeof CATALOGUE_INCLUDE }>) {
  const countries = await db.country.findMany({
    select: { code: true, name: true, dialCode: true, callTerminationArea: true },
  });
  return toCatalogue(priceList, countries);
}

const byName = (a: { country: string }, b: { country: string }) => a.country.localeCompare(b.country, "en");

function toCatalogue(
  list: Prisma.PriceListGetPayload<{ include: typeof CATALOGUE_INCLUDE }>,
  countries: { code: string; name: string; dialCode: string; callTerminationArea: number }[],
): Catalogue {
  const nameOf = new Map(countries.map((c) => [c.code, c.name]));
  const rate = (code: string, source: string) =>
    list.freephoneRates.find((r) => r.countryCode === code && r.source === source)?.perMinute ?? null;
  return {
    tier: list.tier,
    name: list.name,
    currency: list.currency,
    validFrom: list.validFrom,
    isDraft: list.publishedAt === null,
    smsRate: list.smsRate,
    flatFeeBands: list.flatFeeBands.map(({ sku, description, minUsers, maxUsers, pricePerUser }) => ({
      sku,
      description,
      minUsers,
      maxUsers,
      pricePerUser,
    })),
    areaRates: list.areaRates.map(({ area, perMinute }) => ({ area, perMinute })),
    destinations: countries
      .map((c) => ({ area: c.callTerminationArea, country: c.name, countryCode: c.code, prefix: `+${c.dialCode}` }))
      .sort((a, b) => a.area - b.area || byName(a, b)),
    numbers: list.numberPrices
      .flatMap((p) =>
        p.type === "FREEPHONE"
          ? []
          : [
              {
                country: p.country.name,
                countryCode: p.countryCode,
                type: p.type,
                setupFee: p.setupFee,
                monthlyFee: p.monthlyFee,
              },
            ],
      )
      .sort((a, b) => byName(a, b) || a.type.localeCompare(b.type)),
    freephone: list.numberPrices
      .filter((p) => p.type === "FREEPHONE")
      .map((p) => ({
        country: nameOf.get(p.countryCode) ?? p.country.name,
        countryCode: p.countryCode,
        setupFee: p.setupFee,
        monthlyFee: p.monthlyFee,
        fixed: rate(p.countryCode, "FIXED"),
        mobile: rate(p.countryCode, "MOBILE"),
        payphone: rate(p.countryCode, "PAYPHONE"),
      }))
      .sort(byName),
  };
}
