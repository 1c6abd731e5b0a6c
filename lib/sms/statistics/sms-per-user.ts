import { assertCan, visiblePrices, type PriceColumn } from "@/lib/auth/policy";
import { dateRange, monthOf } from "@/lib/cdr/statistics/filters";
import { priced, priceSource } from "@/lib/cdr/statistics/prices";
import { endUserPricing } from "@/lib/billing/resale/end-user-pricing";
import { statisticsWhere, type TStatisticsScope } from "@/lib/cdr/statistics/where";
import { viewZone } from "@/lib/cdr/statistics/day-labels";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { INCLUDED_PER_USER } from "@/lib/pricing/catalogue";

export const SMS_USERS_PAGE_SIZE = 20;

export interface TSmsUserRow {
  pbxId: string;
  pbxName: string;
  extension: string;
  sent: number;
  received: number;
  /** R15's 200 a month (messages sent, not segments: decision 0044). */
  included: number;
  /** Sent messages past the included ones. */
  charged: number;
  /** Messages not priced yet (not rated, or unrated with a reason). */
  unrated: number;
  currency: string;
  /** What the charged messages cost, in the prices the actor sees (`visiblePrices`), exact decimal strings. */
  prices: Partial<Record<PriceColumn, string>>;
}

export interface TSmsPerUser {
  /** The month shown ("2026-10"): the one the date range ends in, each partner's calendar month. */
  month: string;
  rows: TSmsUserRow[];
  total: number;
  page: number;
  pageSize: number;
  prices: readonly PriceColumn[];
}

type Row = Omit<TSmsUserRow, "included" | "charged" | "prices"> & { total: number } & Partial<
    Record<PriceColumn, string | null>
  >;

/**
 * SMS sent and received per PBX user in one month (R15: 200 sent messages included per user per
 * partner month, received ones free), with what the messages past the 200 cost in the prices the
 * actor may see: an end user's its resale price only (summed from the purchase cost when its partner
 * marks that up, never returned as such). Tenant and filters as the statistics' other figures;
 * direction, area and number do not apply to a user's month.
 */
export async function smsPerUser(db: Db, context: TStatisticsScope, page: number): Promise<TSmsPerUser> {
  assertCan(context.actor, "statistics.view");
  const end = dateRange(context.filters, context.now, viewZone(context.zones)).toExclusive;
  const { from, toExclusive } = monthOf(new Date(end.getTime() - 1));
  const month = from.toISOString().slice(0, 7);
  const where = statisticsWhere("sms", {
    ...context,
    filters: { ...context.filters, direction: undefined, area: undefined, number: undefined },
    // Each message in its partner's calendar month (the where's local days).
    range: { from, toExclusive },
  });
  const prices = visiblePrices(context.actor);
  const pricing = await endUserPricing(db, context.actor);
  const money = prices.map(
    (price) =>
      Prisma.sql`, sum(s.${Prisma.raw(`"${priceSource(price, pricing).column}"`)})::text AS ${Prisma.raw(`"${price}"`)}`,
  );
  const rows = await db.$queryRaw<Row[]>`
    SELECT u.*, pbx.name AS "pbxName", count(*) OVER ()::int AS total
    FROM (
      SELECT s."pbxId", coalesce(s.extension, '') AS extension,
        (count(*) FILTER (WHERE s.direction = 'OUTBOUND'))::int AS sent,
        (count(*) FILTER (WHERE s.direction = 'INBOUND'))::int AS received,
        (count(*) FILTER (WHERE s."ratedAt" IS NULL OR s."unratedReason" IS NOT NULL))::int AS unrated,
        min(s.currency) AS currency ${Prisma.join(money, "")}
      FROM "SmsRecord" s JOIN "Partner" p ON p.id = s."partnerId"
      WHERE ${where}
      GROUP BY 1, 2
    ) u JOIN "Pbx" pbx ON pbx.id = u."pbxId"
    ORDER BY u.sent DESC, u.received DESC, pbx.name, u."pbxId", u.extension
    LIMIT ${SMS_USERS_PAGE_SIZE} OFFSET ${(page - 1) * SMS_USERS_PAGE_SIZE}`;
  return {
    month,
    rows: rows.map((r) => ({
      pbxId: r.pbxId,
      pbxName: r.pbxName,
      extension: r.extension,
      sent: r.sent,
      received: r.received,
      included: Math.min(r.sent, INCLUDED_PER_USER.sms),
      charged: Math.max(0, r.sent - INCLUDED_PER_USER.sms),
      unrated: r.unrated,
      currency: r.currency,
      // To 5 decimals as rated: a markup can add decimals to a sum of rated prices.
      prices: Object.fromEntries(
        prices.map((price) => [price, r[price] == null ? "0" : priced(r[price], price, pricing).toFixed(5)]),
      ),
    })),
    total: rows[0]?.total ?? 0,
    page,
    pageSize: SMS_USERS_PAGE_SIZE,
    prices,
  };
}
