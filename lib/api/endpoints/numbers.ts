import { z } from "zod";
import { EmergencyStatus, NumberOrderStatus, NumberType } from "@/lib/db/generated/enums";
import { ZId } from "@/lib/http/ids";
import { FREEPHONE_SOURCES } from "@/lib/numbers/context";
import { NUMBER_STATUSES } from "@/lib/numbers/queries";
import { ZBlockChoice, ZOrderNumbers } from "@/lib/numbers/schemas";
import { pageOf, pageQuery } from "../cursor";
import { defineEndpoint, type ApiEndpoint } from "../endpoint";

const ZInstant = z.iso.datetime();
const ZMoney = z.string().describe('An exact decimal, the partner\'s price (its tier), e.g. "12.50".');
const ZE164 = z.string().regex(/^\+[1-9]\d{1,14}$/);
const TAG = "Numbers";

const ZBlocks = z
  .object({ "1": z.number().int(), "10": z.number().int(), "100": z.number().int() })
  .describe("Whole aligned blocks free now, by size.");
const ZAreaBlocks = z.object({
  areaName: z.string().nullable().describe("Null for numbers of no area (mobile, FreePhone)."),
  blocks: ZBlocks,
});

const ZApiNumber = z.object({
  id: z.string(),
  e164: z.string(),
  countryCode: z.string(),
  type: z.enum(NumberType),
  status: z.enum(NUMBER_STATUSES),
  areaName: z.string().nullable(),
  pbxId: z.string().nullable(),
  cnam: z.string().nullable().describe("The caller name (CNAM): US and Canadian numbers only."),
  emergencyStatus: z.enum(EmergencyStatus),
  assignedAt: ZInstant.nullable(),
});

const ZOrderBlock = z.object({ firstE164: z.string(), lastE164: z.string(), size: z.number().int() });
const ZChargeLine = z.object({
  description: z.string(),
  amount: ZMoney,
  formula: z.string().describe("How the amount comes about, prorated to the PBX's expiry."),
});

const ZApiOrderPlaced = z.object({
  orderId: z.string(),
  blocks: z.array(ZOrderBlock),
  chargeTotal: ZMoney.describe("What the order was charged, prorated to the PBX's expiry."),
  currency: z.string(),
});

const ZApiOrder = z.object({
  id: z.string(),
  status: z.enum(NumberOrderStatus),
  pbx: z.object({ id: z.string(), name: z.string() }),
  countryCode: z.string(),
  type: z.enum(NumberType),
  blockSize: z.number().int(),
  blockCount: z.number().int(),
  blocks: z.array(ZOrderBlock.extend({ numbers: z.array(z.string()) })),
  charges: z.object({ currency: z.string(), total: ZMoney, lines: z.array(ZChargeLine) }),
  createdAt: ZInstant,
});

const ZPbxQuery = z.object({
  pbxId: ZId.describe("The PBX the numbers are for: its partner's prices and holds apply."),
});

export const listNumbersEndpoint = defineEndpoint({
  method: "GET",
  path: "/numbers",
  tag: TAG,
  summary: "List numbers",
  description: "The partner's numbers in E.164 order, a page at a time, with the numbers page's filters.",
  scope: "numbers:read",
  query: pageQuery(z.tuple([ZE164])).extend({
    pbxId: ZId.optional(),
    countryCode: z
      .string()
      .regex(/^[A-Z]{2}$/, "Give the country as its ISO code, e.g. DE")
      .optional(),
    type: z.enum(NumberType).optional(),
    status: z.enum(NUMBER_STATUSES).optional(),
    q: z.string().trim().max(20).optional().describe("Any part of the number's digits."),
  }),
  response: pageOf(ZApiNumber),
});

export const listNumberProductsEndpoint = defineEndpoint({
  method: "GET",
  path: "/numbers/products",
  tag: TAG,
  summary: "What can be ordered on a PBX",
  description:
    "Each country and type the partner's price list prices, with its unit prices (and, for FreePhone, the per-minute prices by " +
    "the caller's source) and the blocks free now in each area.",
  scope: "numbers:read",
  query: ZPbxQuery,
  response: z.object({
    pbx: z.object({
      id: z.string(),
      name: z.string(),
      termExpiry: ZInstant.describe("Where the term ends: what an order is prorated to."),
    }),
    currency: z.string(),
    products: z.array(
      z.object({
        countryCode: z.string(),
        countryName: z.string(),
        type: z.enum(NumberType),
        setupFee: ZMoney,
        monthlyFee: ZMoney.describe("For a whole month; an order is charged prorated to the PBX's expiry."),
        perMinute: z
          .array(z.object({ source: z.enum(FREEPHONE_SOURCES), perMinute: z.string().nullable() }))
          .nullable()
          .describe("FreePhone only: the inbound minute's price by the caller's source."),
        stock: z.object({ blocks: ZBlocks, areas: z.array(ZAreaBlocks) }),
      }),
    ),
  }),
  problems: { 409: "CLASSOUND is not active on the PBX, or its licence has no term to price numbers on." },
});

export const searchAvailabilityEndpoint = defineEndpoint({
  method: "GET",
  path: "/numbers/availability",
  tag: TAG,
  summary: "Search free numbers",
  description:
    "Free whole blocks per area for a country and type, narrowed by area, by digits in the number (`pattern`, " +
    "`*` for any digits) and by block size.",
  scope: "numbers:read",
  query: ZBlockChoice.pick({ pbxId: true, countryCode: true, type: true, areaName: true, pattern: true }).extend({
    blockSize: ZBlockChoice.shape.blockSize.optional().describe("Only areas with blocks of this size: 1, 10 or 100."),
  }),
  response: z.object({ areas: z.array(ZAreaBlocks) }),
  problems: { 409: "CLASSOUND is not active on the PBX, or its licence has no term to price numbers on." },
});

export const holdNumbersEndpoint = defineEndpoint({
  method: "POST",
  path: "/numbers/holds",
  tag: TAG,
  summary: "Hold blocks for 30 minutes",
  description:
    "Reserves the blocks for the partner while it confirms, with the quote: nobody else can order them meanwhile. " +
    "A new hold on the same PBX replaces the partner's earlier one. The partner holds at most a set number of " +
    "numbers at once, and one number for 2 hours in all.",
  scope: "numbers:write",
  body: ZBlockChoice,
  response: z.object({
    holdId: z.string().describe("Name it in the order to take these blocks."),
    expiresAt: ZInstant,
    blocks: z.array(z.object({ firstE164: z.string(), lastE164: z.string() })),
    quote: z.object({ currency: z.string(), total: ZMoney, lines: z.array(ZChargeLine) }),
  }),
  status: 201,
  problems: { 409: "Not enough free blocks (the answer says what is free), or over the partner's hold limits." },
});

export const orderNumbersEndpoint = defineEndpoint({
  method: "POST",
  path: "/numbers/orders",
  tag: TAG,
  summary: "Order numbers",
  description:
    "Orders whole blocks onto a PBX with CLASSOUND active: all of them or none. Send an `Idempotency-Key`: the same " +
    "key with the same body within 24 hours answers the first order again (with `Idempotent-Replayed: true`) " +
    "instead of ordering twice; with another body it is refused (422); while the first is still running, 409.",
  scope: "numbers:write",
  headers: z.object({
    "Idempotency-Key": ZOrderNumbers.shape.idempotencyKey.describe(
      "8 to 100 letters, digits, `-` or `_`, new for each order (a UUID will do).",
    ),
  }),
  body: ZOrderNumbers.omit({ idempotencyKey: true }),
  response: ZApiOrderPlaced,
  status: 201,
  problems: {
    409: "Not enough free blocks, the hold expired, or the first request with this key is still running.",
    422: "The idempotency key was used with another body.",
  },
});

export const getNumberOrderEndpoint = defineEndpoint({
  method: "GET",
  path: "/numbers/orders/{id}",
  tag: TAG,
  summary: "Read a number order",
  description: "The order with its blocks, their numbers and what it was charged.",
  scope: "numbers:read",
  params: z.object({ id: ZId }),
  response: ZApiOrder,
});

export const releaseNumberEndpoint = defineEndpoint({
  method: "POST",
  path: "/numbers/{id}/release",
  tag: TAG,
  summary: "Release a number",
  description:
    "Gives a number in use back: it leaves its PBX (and its emergency site) and rests in quarantine before anyone " +
    "can order it again.",
  scope: "numbers:write",
  params: z.object({ id: ZId }),
  response: z.object({ id: z.string(), e164: z.string(), quarantineUntil: ZInstant }),
  problems: { 409: "Only a number in use on a PBX can be released." },
});

/** The numbers operations of /api/v1. */
export const NUMBER_ENDPOINTS = [
  listNumbersEndpoint,
  listNumberProductsEndpoint,
  searchAvailabilityEndpoint,
  holdNumbersEndpoint,
  orderNumbersEndpoint,
  getNumberOrderEndpoint,
  releaseNumberEndpoint,
] as ApiEndpoint[];

export type TApiNumber = z.output<typeof ZApiNumber>;
export type TApiOrder = z.output<typeof ZApiOrder>;
