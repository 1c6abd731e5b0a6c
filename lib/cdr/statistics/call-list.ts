import { assertCan, visiblePrices, type PriceColumn } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { csvRow } from "@/lib/csv/cell";
import { statisticsFigure } from "./figures";
import { PRICE_COLUMN } from "./price-columns";
import { callPrices, priceSource, type TEndUserPricing } from "./prices";
import { endUserPricing } from "@/lib/billing/resale/end-user-pricing";
import { notRatedText } from "@/lib/cdr/rating/unrated-reasons";
import { viewZones } from "./context";
import { callRecordWhere, type TStatisticsScope } from "./where";

export const CALL_PAGE_SIZE = 50;
const EXPORT_BATCH = 5_000;

const SELECT = {
  id: true,
  startedAt: true,
  direction: true,
  fromE164: true,
  toE164: true,
  countryCode: true,
  area: true,
  durationSeconds: true,
  billedSeconds: true,
  cost: true,
  endUserCost: true,
  currency: true,
  pbxId: true,
  ratedAt: true,
  unratedReason: true,
} satisfies Prisma.CallRecordSelect;

export type TCallRow = {
  id: string;
  startedAt: string;
  direction: "INBOUND" | "OUTBOUND";
  fromE164: string;
  toE164: string;
  countryCode: string | null;
  area: number | null;
  durationSeconds: number;
  billedSeconds: number;
  /** The prices the actor sees (`visiblePrices`), to 5 decimals; null where the call has no End User price. */
  prices: Partial<Record<PriceColumn, string | null>>;
  currency: string;
  /** "Not rated: <reason in words>" for a call with no price (docs/decisions/0041); null when priced. */
  notRated: string | null;
  pbx: { id: string; name: string };
};

type TSelected = Prisma.CallRecordGetPayload<{ select: typeof SELECT }>;

/**
 * The PBXs of some calls, by id. The call table has no relation to Pbx (no foreign keys,
 * docs/decisions/0026): a page or an export batch names few PBXs, looked up in one query.
 */
async function pbxesOf(db: Db, calls: TSelected[]): Promise<Map<string, { id: string; name: string }>> {
  const ids = [...new Set(calls.map((c) => c.pbxId))];
  const pbxs = ids.length
    ? await db.pbx.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
    : [];
  return new Map(pbxs.map((p) => [p.id, p]));
}

function toRow(
  { pbxId, cost, endUserCost, ratedAt, unratedReason, ...call }: TSelected,
  pbxs: Map<string, { id: string; name: string }>,
  prices: readonly PriceColumn[],
  pricing: TEndUserPricing,
): TCallRow {
  return {
    ...call,
    id: call.id.toString(),
    startedAt: call.startedAt.toISOString(),
    prices: callPrices(prices, pricing, { cost, endUserCost }),
    notRated: notRatedText({ ratedAt, unratedReason }),
    pbx: pbxs.get(pbxId) ?? { id: pbxId, name: "" },
  };
}

// The id breaks ties, so a page boundary never repeats or skips a call among equal sort keys. "cost"
// sorts by the first price the actor sees: an order by a hidden price would leak it. An end user's
// resale price is its source column times one positive factor, so that column's order is its order.
function orderBy(
  sort: TStatisticsScope["filters"]["sort"],
  prices: readonly PriceColumn[],
  pricing: TEndUserPricing,
): Prisma.CallRecordOrderByWithRelationInput[] {
  const [key, order] = sort.split(".") as ["startedAt" | "durationSeconds" | "cost", "asc" | "desc"];
  if (key !== "cost") return [{ [key]: order }, { id: order }];
  // Calls with no price (unrated, docs/decisions/0041) sort after the priced ones either way.
  return [{ [priceSource(prices[0], pricing).column]: { sort: order, nulls: "last" } }, { id: order }];
}

/**
 * One page of the calls the filters select, from the raw table by its (tenant, startedAt) indexes.
 * The total comes from the daily roll-up (a count over millions of raw rows is what the roll-ups
 * exist to avoid), or from the raw rows under a number filter.
 */
export async function listCalls(
  db: Db,
  context: TStatisticsScope,
): Promise<{
  calls: TCallRow[];
  prices: readonly PriceColumn[];
  total: number;
  page: number;
  pageSize: number;
}> {
  assertCan(context.actor, "statistics.view");
  const { page, sort } = context.filters;
  const prices = visiblePrices(context.actor);
  const [zones, pricing] = await Promise.all([
    context.zones ?? viewZones(db, context.actor, context.filters),
    endUserPricing(db, context.actor),
  ]);
  const [calls, answered] = await Promise.all([
    db.callRecord.findMany({
      where: callRecordWhere({ ...context, zones }),
      orderBy: orderBy(sort, prices, pricing),
      skip: (page - 1) * CALL_PAGE_SIZE,
      take: CALL_PAGE_SIZE,
      select: SELECT,
    }),
    statisticsFigure(db, { ...context, zones }, "answered"),
  ]);
  const pbxs = await pbxesOf(db, calls);
  return {
    calls: calls.map((c) => toRow(c, pbxs, prices, pricing)),
    prices,
    total: answered.calls,
    page,
    pageSize: CALL_PAGE_SIZE,
  };
}

const CALL_CSV_COLUMNS = [
  "Call id",
  "Start (UTC)",
  "PBX",
  "Direction",
  "From",
  "To",
  "Country",
  "Area",
  "Duration (s)",
  "Billed (s)",
  "Not rated",
];

/** The export's columns: the call's, then one per price the actor sees, then the currency. */
export const callCsvHeader = (prices: readonly PriceColumn[]) => [
  ...CALL_CSV_COLUMNS,
  ...prices.map((p) => PRICE_COLUMN[p].label),
  "Currency",
];

/**
 * Exactly the calls the filters select, as CSV, read in batches by keyset (startedAt, id) so memory
 * stays flat however many rows there are; the sort and page of the screen do not apply.
 */
export async function* callsCsv(db: Db, context: TStatisticsScope): AsyncGenerator<string> {
  assertCan(context.actor, "statistics.view");
  const prices = visiblePrices(context.actor);
  const pricing = await endUserPricing(db, context.actor);
  yield csvRow(callCsvHeader(prices));
  const zones = context.zones ?? (await viewZones(db, context.actor, context.filters));
  const where = callRecordWhere({ ...context, zones });
  let after: { startedAt: Date; id: bigint } | undefined;
  for (;;) {
    const batch = await db.callRecord.findMany({
      where: after
        ? {
            AND: [
              where,
              { OR: [{ startedAt: { gt: after.startedAt } }, { startedAt: after.startedAt, id: { gt: after.id } }] },
            ],
          }
        : where,
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: EXPORT_BATCH,
      select: SELECT,
    });
    if (!batch.length) return;
    const pbxs = await pbxesOf(db, batch);
    yield batch
      .map((c) =>
        csvRow([
          c.id.toString(),
          c.startedAt.toISOString(),
          pbxs.get(c.pbxId)?.name ?? "",
          c.direction,
          c.fromE164,
          c.toE164,
          c.countryCode ?? "",
          c.area?.toString() ?? "",
          String(c.durationSeconds),
          String(c.billedSeconds),
          notRatedText(c) ?? "",
          ...Object.values(callPrices(prices, pricing, c)).map((price) => price ?? ""),
          c.currency,
        ]),
      )
      .join("");
    const last = batch[batch.length - 1];
    after = { startedAt: last.startedAt, id: last.id };
  }
}
