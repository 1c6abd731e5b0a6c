import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { INCLUDED_PER_USER, catalogueInForce, type Catalogue } from "@/lib/pricing/catalogue";
import { formatPrice } from "@/lib/pricing/documents/sections";
import { priceListDocument, type PriceListFormat } from "@/lib/pricing/price-list-document";
import { ZTierCode } from "@/lib/pricing/schemas";
import { dayOf } from "@/lib/pbx/schemas";
import type { ApiEndpoint } from "../endpoint";
import { defineEndpoint } from "../endpoint";
import { fileAnswer } from "../file-answer";

const ZFee = z.string().describe('A fee, exact to the cent as stored, e.g. "14.90".');
const ZRate = z.string().describe('A rate, exact to the 5 decimals it is stored with, e.g. "0.01200".');

/**
 * The price list as the portal's price list page shows it, one array per section of the page (R8),
 * typed instead of formatted: the same catalogue, the same rows in the same order.
 */
const ZApiPriceList = z.object({
  name: z.string(),
  tier: z.object({
    code: z.string(),
    name: z.string(),
    isOwn: z.boolean().describe("The tier the partner buys at (otherwise the End User list, for reference)."),
  }),
  currency: z.string(),
  validFrom: z.iso.date().describe("The day the version took effect."),
  pricesExcludeVat: z.literal(true),
  includedPerUser: z.object({ area1Minutes: z.number().int(), sms: z.number().int() }),
  flatFees: z.array(
    z.object({
      sku: z.string(),
      description: z.string(),
      minUsers: z.number().int(),
      maxUsers: z.number().int().nullable().describe("Null for the open-ended band."),
      pricePerUser: ZFee.describe("Per user and month."),
    }),
  ),
  callTermination: z.array(z.object({ area: z.number().int(), perMinute: ZRate })),
  smsRate: ZRate.describe("An SMS past the included ones."),
  destinations: z
    .array(z.object({ area: z.number().int(), country: z.string(), countryCode: z.string(), prefix: z.string() }))
    .describe("Every covered destination by area, with its calling prefix."),
  numbers: z.array(
    z.object({
      country: z.string(),
      countryCode: z.string(),
      type: z.enum(["GEOGRAPHIC", "MOBILE"]),
      setupFee: ZFee,
      monthlyFee: ZFee,
    }),
  ),
  freephone: z.array(
    z.object({
      country: z.string(),
      countryCode: z.string(),
      setupFee: ZFee,
      monthlyFee: ZFee,
      perMinute: z
        .object({ fixed: ZRate.nullable(), mobile: ZRate.nullable(), payphone: ZRate.nullable() })
        .describe("By the caller's source; null where the country has no price for it."),
    }),
  ),
});

const ZPriceListQuery = z.object({
  tier: ZTierCode.optional().describe(
    "A tier the partner may see, by code: its own (the default) or END_USER. Any other is 404.",
  ),
});

const PATH = "/price-lists/current";

export const getPriceListEndpoint = defineEndpoint({
  method: "GET",
  path: PATH,
  tag: "Price lists",
  summary: "Read the price list in force",
  description: "The version in force today of the partner's tier (or of the End User list), with every price.",
  scope: "pricelists:read",
  query: ZPriceListQuery,
  response: ZApiPriceList,
});

const FORMAT_ANSWER: Record<PriceListFormat, { mediaType: string; summary: string; description: string }> = {
  pdf: { mediaType: "application/pdf", summary: "Download the price list as PDF", description: "The portal's PDF." },
  xlsx: {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    summary: "Download the price list as Excel",
    description: "The portal's workbook: an overview sheet, then one sheet per section, prices as numbers.",
  },
};

const priceListFileEndpoint = (format: PriceListFormat) =>
  defineEndpoint({
    method: "GET",
    path: `${PATH}/${format}`,
    tag: "Price lists",
    summary: FORMAT_ANSWER[format].summary,
    description: "The same version as the JSON, as the portal's price list page downloads it.",
    scope: "pricelists:read",
    query: ZPriceListQuery,
    file: { mediaTypes: [FORMAT_ANSWER[format].mediaType], description: FORMAT_ANSWER[format].description },
  });

export const priceListPdfEndpoint = priceListFileEndpoint("pdf");
export const priceListXlsxEndpoint = priceListFileEndpoint("xlsx");

/** The price-list operations of /api/v1. */
export const PRICE_LIST_ENDPOINTS: ApiEndpoint[] = [
  getPriceListEndpoint,
  priceListPdfEndpoint,
  priceListXlsxEndpoint,
] as ApiEndpoint[];

const fee = (value: Prisma.Decimal) => formatPrice(value, "fee");
const rate = (value: Prisma.Decimal | null) => value && formatPrice(value, "rate");

function toApiPriceList(catalogue: Catalogue, isOwn: boolean): z.output<typeof ZApiPriceList> {
  return {
    name: catalogue.name,
    tier: { ...catalogue.tier, isOwn },
    currency: catalogue.currency,
    validFrom: dayOf(catalogue.validFrom),
    pricesExcludeVat: true,
    includedPerUser: { ...INCLUDED_PER_USER },
    flatFees: catalogue.flatFeeBands.map((band) => ({ ...band, pricePerUser: fee(band.pricePerUser) })),
    callTermination: catalogue.areaRates.map((area) => ({ area: area.area, perMinute: rate(area.perMinute)! })),
    smsRate: rate(catalogue.smsRate)!,
    destinations: catalogue.destinations,
    numbers: catalogue.numbers.map((n) => ({ ...n, setupFee: fee(n.setupFee), monthlyFee: fee(n.monthlyFee) })),
    freephone: catalogue.freephone.map(({ fixed, mobile, payphone, ...number }) => ({
      ...number,
      setupFee: fee(number.setupFee),
      monthlyFee: fee(number.monthlyFee),
      perMinute: { fixed: rate(fixed), mobile: rate(mobile), payphone: rate(payphone) },
    })),
  };
}

/**
 * The version in force of a tier the actor may see, as the price list page reads it (same function,
 * policy and default tier): an unknown or foreign tier, or one with no version in force, is NOT_FOUND.
 */
export async function apiPriceList(db: Db, actor: Actor, tierCode: string | undefined, now: Date) {
  const { tier, catalogue } = await catalogueInForce(db, actor, tierCode, now);
  if (!tier || !catalogue) throw new AppError("NOT_FOUND", "This tier has no price list in force.");
  return toApiPriceList(catalogue, tier.isOwn);
}

/** The same version through the portal's own document writers, streamed. */
export async function apiPriceListFile(
  db: Db,
  actor: Actor,
  tierCode: string | undefined,
  format: PriceListFormat,
  now: Date,
) {
  const { stream, ...file } = await priceListDocument(db, actor, tierCode, format, now);
  return fileAnswer({ ...file, body: stream });
}
