import { Prisma } from "@/lib/db/generated/client";
import type { Catalogue } from "@/lib/pricing/catalogue";
import { COUNTRIES } from "@/lib/db/seed/countries";
import { PRICING } from "@/lib/db/seed/pricing";

const money = (value: number, places: number) => new Prisma.Decimal(value.toFixed(places));

/**
 * A catalogue of `countries` countries and `prefixes` area rows, shaped like the real one (every
 * country has geographic and mobile numbers and a FreePhone line; names mix in non-Latin letters so
 * the font's glyph lookups are exercised). Deterministic: the same sizes give the same document.
 */
export function syntheticCatalogue(countries: number, prefixes: number): Catalogue {
  const names = Array.from(
    { length: countries },
    (_, i) =>
      `${COUNTRIES[i % COUNTRIES.length].name}${i >= COUNTRIES.length ? ` ${Math.floor(i / COUNTRIES.length) + 1}` : ""}`,
  );
  return {
    tier: { code: "GOLD", name: "Gold" },
    name: `CLASSOUND Gold synthetic ${countries}`,
    currency: "EUR",
    validFrom: new Date("2027-01-01T00:00:00Z"),
    smsRate: money(0.0133, 5),
    flatFeeBands: PRICING.flatFeeBands
      .filter((b) => b.priceListId === PRICING.priceLists[1].id)
      .map((b) => ({
        sku: b.sku,
        description: b.description,
        minUsers: b.minUsers,
        maxUsers: b.maxUsers ?? null,
        pricePerUser: new Prisma.Decimal(b.pricePerUser as Prisma.Decimal),
      })),
    areaRates: [1, 2, 3, 4, 5, 6].map((area) => ({ area, perMinute: money(0.01 * area * area, 5) })),
    destinations: Array.from({ length: prefixes }, (_, i) => ({
      area: 1 + (i % 6),
      country: names[i % countries],
      countryCode: "XX",
      prefix: `+${100 + i}`,
    })).sort((a, b) => a.area - b.area),
    numbers: names.flatMap((country, i) =>
      (["GEOGRAPHIC", "MOBILE"] as const).map((type) => ({
        country,
        countryCode: "XX",
        type,
        setupFee: money(3 + (i % 20), 2),
        monthlyFee: money(1 + (i % 7) * 0.35, 2),
      })),
    ),
    freephone: names.map((country, i) => ({
      country,
      countryCode: "XX",
      setupFee: money(10 + (i % 30), 2),
      monthlyFee: money(5 + (i % 15), 2),
      fixed: money(0.02 + (i % 9) / 1000, 5),
      mobile: money(0.1 + (i % 11) / 1000, 5),
      payphone: money(0.3 + (i % 13) / 100, 5),
    })),
  };
}
