import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { ZMonth } from "@/lib/billing/resale/schemas";
import { STATISTICS_FILTER_FIELDS } from "@/lib/cdr/statistics/filters";
import type { Db } from "@/lib/db/client";
import { CallDirection, CallDisposition, UnratedReason } from "@/lib/db/generated/enums";
import { ZId } from "@/lib/http/ids";
import { limitParam, pageOf, pageQuery } from "../cursor";
import { defineEndpoint, type ApiEndpoint } from "../endpoint";
import { recordsPage } from "../records-page";

const MAX_ID = 2n ** 63n - 1n;
/** A record's sort key, (time, id): unique (the tables' keys hold both), so no page repeats or skips a row. */
const ZRecordCursor = z.tuple([
  z.iso.datetime(),
  z
    .string()
    .regex(/^\d{1,19}$/)
    .refine((id) => BigInt(id) <= MAX_ID),
]);

const F = STATISTICS_FILTER_FIELDS;
/**
 * The statistics pages' filters (lib/cdr/statistics/filters: the same fields, checked by the same
 * schemas) with the API's names for ids, plus a month and whether a record is priced.
 */
const ZRecordFilters = pageQuery(ZRecordCursor, limitParam(1000, 100))
  .extend({
    month: ZMonth.optional().describe("A calendar month of the partner's time zone, YYYY-MM. The default: this month."),
    from: F.from.describe("The first day of a range (YYYY-MM-DD, the partner's calendar), with `to`."),
    to: F.to.describe("The last day of the range, included."),
    customerId: ZId.optional().describe("Only this customer's records."),
    pbxId: ZId.optional().describe("Only this PBX's records."),
    direction: F.direction,
    number: F.number.describe("Part of either number's digits (4989), or its start with + (+4989)."),
    rated: z
      .enum(["true", "false"])
      .optional()
      .describe("true: only priced records; false: only those not priced (yet or at all)."),
  })
  // Strict like the statistics' filters: a misspelt filter would otherwise export everything.
  .strict();
const withMonthOrRange = <T extends z.ZodObject>(schema: T) =>
  schema.refine((q: { month?: string; from?: string; to?: string }) => !(q.month && (q.from || q.to)), {
    path: ["month"],
    message: "Give a month or a date range (from, to), not both.",
  });

const ZCallFilters = withMonthOrRange(
  ZRecordFilters.extend({ area: F.area.describe("Outbound calls to this Call Termination Area (1-6).") }),
);
const ZSmsFilters = withMonthOrRange(ZRecordFilters);

const ZPrice = z.string().describe("An exact decimal, 5 places as rated.");
const ZRecordMoney = {
  currency: z.string(),
  prices: z
    .object({
      purchase: ZPrice.nullable().optional().describe("What the partner pays (its tier)."),
      endUser: ZPrice.nullable().describe("At the End User price list."),
    })
    .describe("The prices the partner sees in the portal; null while the record has none (never 0 for unpriced)."),
  notRated: z
    .object({
      reason: z.enum(UnratedReason).nullable().describe("Null: not rated yet."),
      text: z.string(),
    })
    .nullable()
    .describe("Why the record has no price, as the portal says it; null when priced."),
};
const ZRecordPlace = {
  id: z.string().describe("The record's id (digits)."),
  externalId: z.string().describe("The PBX's own id of the record."),
  customerId: z.string(),
  pbxId: z.string(),
  direction: z.enum(CallDirection),
  fromE164: z.string(),
  toE164: z.string(),
  extension: z.string().nullable().describe("The PBX user."),
};

const ZApiCall = z.object({
  ...ZRecordPlace,
  startedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
  didE164: z.string().nullable().describe("Inbound: the DID the call reached."),
  countryCode: z.string().nullable(),
  area: z.number().int().nullable(),
  disposition: z.enum(CallDisposition),
  durationSeconds: z.number().int(),
  billedSeconds: z.number().int().describe("Charged after the included minutes."),
  ...ZRecordMoney,
});

const ZApiSms = z.object({
  ...ZRecordPlace,
  sentAt: z.iso.datetime(),
  senderName: z.string().nullable(),
  segments: z.number().int(),
  ...ZRecordMoney,
});

const ZCallsPage = pageOf(ZApiCall);
const ZSmsPage = pageOf(ZApiSms);

const EXPORT =
  "Oldest first by (time, id) behind an opaque cursor: page on with `next` until it is null. " +
  "Filters as on the statistics pages, in the partner's time zone; a customer or PBX of another partner is 404.";

const exportEndpoint = <Q extends z.ZodObject, R extends z.ZodType>(
  path: string,
  records: string,
  query: Q,
  response: R,
) =>
  defineEndpoint({
    method: "GET",
    path,
    tag: "Records",
    summary: `Export ${records} records`,
    description: `The partner's ${records} records with their prices. ${EXPORT}`,
    scope: "records:read",
    query,
    response,
  });

export const listCallsEndpoint = exportEndpoint("/calls", "call", ZCallFilters, ZCallsPage);
export const listSmsEndpoint = exportEndpoint("/sms", "SMS", ZSmsFilters, ZSmsPage);

/** The records operations of /api/v1. */
export const RECORD_ENDPOINTS: ApiEndpoint[] = [listCallsEndpoint, listSmsEndpoint] as ApiEndpoint[];

/** A page of the partner's calls: lib/api/records-page.ts. */
export const callsPage = (db: Db, actor: Actor, query: z.output<typeof ZCallFilters>, now: Date) =>
  recordsPage(db, actor, "calls", query, now) as Promise<z.output<typeof ZCallsPage>>;

/** A page of the partner's SMS: lib/api/records-page.ts. */
export const smsPage = (db: Db, actor: Actor, query: z.output<typeof ZSmsFilters>, now: Date) =>
  recordsPage(db, actor, "sms", query, now) as Promise<z.output<typeof ZSmsPage>>;
