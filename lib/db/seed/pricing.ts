import { derivedTierPrice } from "@/lib/pricing/rounding";
import { Prisma, type FreephoneSource, type NumberType } from "../generated/client";
import { COUNTRIES } from "./countries";
import { seedId } from "./random";

/**
 * The price lists (R4-R8, R15). The guides publish no prices: every figure here is an assumed End User
 * list price in EUR, and the partner tiers get a flat discount on all of it.
 */
export type TierCode = "END_USER" | "GOLD" | "SILVER" | "BRONZE";

const TIERS: { code: TierCode; name: string; discount: string }[] = [
  { code: "END_USER", name: "End User", discount: "0" },
  { code: "GOLD", name: "Gold", discount: "0.30" },
  { code: "SILVER", name: "Silver", discount: "0.20" },
  { code: "BRONZE", name: "Bronze", discount: "0.10" },
];

const VALID_FROM = new Date("2024-01-01T00:00:00Z");
const CURRENCY = "EUR";

const FLAT_FEE_BANDS: { minUsers: number; maxUsers: number | null; pricePerUser: string }[] = [
  { minUsers: 1, maxUsers: 5, pricePerUser: "14.90" },
  { minUsers: 6, maxUsers: 20, pricePerUser: "13.50" },
  { minUsers: 21, maxUsers: 50, pricePerUser: "12.40" },
  { minUsers: 51, maxUsers: 100, pricePerUser: "11.30" },
  { minUsers: 101, maxUsers: 250, pricePerUser: "10.20" },
  { minUsers: 251, maxUsers: null, pricePerUser: "9.10" },
];

/** Per minute, billed per second; index = area - 1. */
const AREA_RATES = ["0.01900", "0.04500", "0.09500", "0.19000", "0.38000", "0.89000"];

type FeePair = readonly [setup: string, monthly: string];

/** Geographic numbers wherever activation is possible, priced by area unless the country says otherwise. */
const GEOGRAPHIC_BY_AREA: Record<number, FeePair> = { 1: ["5.00", "1.50"], 2: ["8.00", "2.50"], 3: ["15.00", "4.50"] };

const DID_OVERRIDES: Record<string, Partial<Record<NumberType, FeePair>>> = {
  AT: { MOBILE: ["10.00", "6.00"], FREEPHONE: ["25.00", "15.00"] },
  AU: { FREEPHONE: ["40.00", "25.00"] },
  BE: { MOBILE: ["10.00", "6.50"], FREEPHONE: ["25.00", "15.00"] },
  CA: { GEOGRAPHIC: ["3.00", "1.20"], FREEPHONE: ["10.00", "5.00"] },
  CH: { GEOGRAPHIC: ["6.00", "2.50"], FREEPHONE: ["30.00", "20.00"] },
  DE: { MOBILE: ["10.00", "5.50"], FREEPHONE: ["25.00", "14.00"] },
  ES: { MOBILE: ["10.00", "5.00"], FREEPHONE: ["25.00", "15.00"] },
  FR: { FREEPHONE: ["25.00", "15.00"] },
  GB: { GEOGRAPHIC: ["3.00", "1.00"], MOBILE: ["8.00", "4.00"], FREEPHONE: ["20.00", "10.00"] },
  IE: { FREEPHONE: ["30.00", "18.00"] },
  IT: { GEOGRAPHIC: ["5.00", "1.40"], MOBILE: ["10.00", "6.00"], FREEPHONE: ["25.00", "15.00"] },
  NL: { MOBILE: ["10.00", "5.00"], FREEPHONE: ["25.00", "12.00"] },
  SE: { MOBILE: ["10.00", "5.50"], FREEPHONE: ["25.00", "16.00"] },
  US: { GEOGRAPHIC: ["3.00", "1.20"], FREEPHONE: ["10.00", "5.00"] },
};

/** R7: the caller's source sets the per-minute price of a FreePhone call; the payphone premium is steep. */
const FREEPHONE_RATES: Record<string, Record<FreephoneSource, string>> = {
  AT: { FIXED: "0.03900", MOBILE: "0.14900", PAYPHONE: "0.45000" },
  AU: { FIXED: "0.04500", MOBILE: "0.19000", PAYPHONE: "0.60000" },
  BE: { FIXED: "0.03500", MOBILE: "0.16500", PAYPHONE: "0.45000" },
  CA: { FIXED: "0.02900", MOBILE: "0.02900", PAYPHONE: "0.35000" },
  CH: { FIXED: "0.05500", MOBILE: "0.24000", PAYPHONE: "0.70000" },
  DE: { FIXED: "0.03200", MOBILE: "0.13900", PAYPHONE: "0.49000" },
  ES: { FIXED: "0.03000", MOBILE: "0.11500", PAYPHONE: "0.40000" },
  FR: { FIXED: "0.03300", MOBILE: "0.12900", PAYPHONE: "0.45000" },
  GB: { FIXED: "0.02500", MOBILE: "0.09900", PAYPHONE: "0.55000" },
  IE: { FIXED: "0.04000", MOBILE: "0.17500", PAYPHONE: "0.55000" },
  IT: { FIXED: "0.03100", MOBILE: "0.16900", PAYPHONE: "0.50000" },
  NL: { FIXED: "0.03400", MOBILE: "0.13500", PAYPHONE: "0.45000" },
  SE: { FIXED: "0.03600", MOBILE: "0.14500", PAYPHONE: "0.45000" },
  US: { FIXED: "0.02200", MOBILE: "0.02200", PAYPHONE: "0.30000" },
};

function bandLabel(band: (typeof FLAT_FEE_BANDS)[number]) {
  return band.maxUsers === null ? `${band.minUsers}+` : `${band.minUsers}-${band.maxUsers}`;
}

export const tierId = (code: TierCode) => seedId(`tier:${code}`);
const priceListId = (code: TierCode) => seedId(`price-list:${code}:${VALID_FROM.toISOString()}`);

const DID_PRICES = COUNTRIES.filter((country) => country.activationEnabled).flatMap((country) => {
  const fees: Partial<Record<NumberType, FeePair>> = {
    GEOGRAPHIC: GEOGRAPHIC_BY_AREA[country.callTerminationArea],
    ...DID_OVERRIDES[country.code],
  };
  return Object.entries(fees).map(([type, [setup, monthly]]) => ({
    countryCode: country.code,
    type: type as NumberType,
    setup,
    monthly,
  }));
});

export const PRICING = {
  tiers: TIERS.map((tier, index) => ({
    id: tierId(tier.code),
    code: tier.code,
    name: tier.name,
    sortOrder: index,
    discount: tier.code === "END_USER" ? null : tier.discount,
  })),
  priceLists: TIERS.map((tier): Prisma.PriceListCreateManyInput => ({
    id: priceListId(tier.code),
    tierId: tierId(tier.code),
    name: `CLASSOUND ${tier.name} ${VALID_FROM.getUTCFullYear()}`,
    currency: CURRENCY,
    validFrom: VALID_FROM,
    // R15: an SMS past the included ones costs the Area 1 rate.
    smsRate: derivedTierPrice(AREA_RATES[0], tier.discount, "rate"),
  })),
  flatFeeBands: TIERS.flatMap((tier) =>
    FLAT_FEE_BANDS.map((band, index): Prisma.FlatFeeBandCreateManyInput => ({
      id: seedId(`flat-fee-band:${tier.code}:${band.minUsers}`),
      priceListId: priceListId(tier.code),
      sku: index === 0 ? "CLASSOUND-FLAT-1m" : `CLASSOUND-FLAT-1m-${bandLabel(band).replace("+", "PLUS")}`,
      description: `Flat CLASSOUND 3000 min per user for 1 month (Users ${bandLabel(band)})`,
      minUsers: band.minUsers,
      maxUsers: band.maxUsers,
      pricePerUser: derivedTierPrice(band.pricePerUser, tier.discount, "fee"),
    })),
  ),
  numberPrices: TIERS.flatMap((tier) =>
    DID_PRICES.map((price): Prisma.NumberPriceCreateManyInput => ({
      id: seedId(`number-price:${tier.code}:${price.countryCode}:${price.type}`),
      priceListId: priceListId(tier.code),
      countryCode: price.countryCode,
      type: price.type,
      setupFee: derivedTierPrice(price.setup, tier.discount, "fee"),
      monthlyFee: derivedTierPrice(price.monthly, tier.discount, "fee"),
    })),
  ),
  freephoneRates: TIERS.flatMap((tier) =>
    Object.entries(FREEPHONE_RATES).flatMap(([countryCode, rates]) =>
      Object.entries(rates).map(([source, perMinute]): Prisma.FreephoneMinuteRateCreateManyInput => ({
        id: seedId(`freephone-rate:${tier.code}:${countryCode}:${source}`),
        priceListId: priceListId(tier.code),
        countryCode,
        source: source as FreephoneSource,
        perMinute: derivedTierPrice(perMinute, tier.discount, "rate"),
      })),
    ),
  ),
  areaRates: TIERS.flatMap((tier) =>
    AREA_RATES.map((perMinute, index): Prisma.AreaRateCreateManyInput => ({
      id: seedId(`area-rate:${tier.code}:${index + 1}`),
      priceListId: priceListId(tier.code),
      area: index + 1,
      perMinute: derivedTierPrice(perMinute, tier.discount, "rate"),
    })),
  ),
};
