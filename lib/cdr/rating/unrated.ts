import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, END_USER_TIER_CODE } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { UnratedReason } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { startExpensiveWorkIn } from "@/lib/limits/expensive-work";
import { UNRATED_CALL_SQL } from "@/lib/cdr/statistics/answered";
import { PUBLISHED } from "@/lib/pricing/price-list-in-force";

// Calls and SMS with no price (docs/decisions/0041): what the admins' rating page lists, and which
// partner-months a re-rating covers. Calls are found through the daily roll-up's unrated count (the
// partner-days holding any), then only those days of the call table are read: the admin page stays
// cheap on a table of millions of rated calls.

/** A partner-local month, as rating takes it. */
export const ZRatingMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month is YYYY-MM.");
export const ZRerateRequest = z.object({ partnerId: z.string().min(1).max(64), month: ZRatingMonth });
export type TRerateRequest = z.infer<typeof ZRerateRequest>;

/** The work key of one partner-month's re-rating: one queued job and one counted start per key. */
export const rerateKey = ({ partnerId, month }: TRerateRequest) => `${month}:${partnerId}`;

const localMonth = (at: Prisma.Sql) =>
  Prisma.sql`to_char((${at} AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone", 'YYYY-MM')`;

// The calls of the partner-days whose roll-up counts unrated calls (null reason: not rated yet).
const UNRATED_CALLS = Prisma.sql`
  WITH days AS (SELECT "partnerId", "day" FROM "CallDailyRollup" WHERE "unratedCalls" > 0 GROUP BY 1, 2)
  SELECT c.* FROM days
  JOIN "CallRecord" c ON c."partnerId" = days."partnerId"
    AND c."startedAt" >= days."day"::timestamp AND c."startedAt" < days."day"::timestamp + interval '1 day'
  WHERE ${UNRATED_CALL_SQL}`;

export interface TUnratedOverview {
  /** Per reason (null: not rated yet, the rating job has not run). */
  byReason: { reason: UnratedReason | null; calls: number; sms: number }[];
  byPartnerMonth: { partnerId: string; partnerName: string; month: string; calls: number; sms: number }[];
  /** The latest unrated calls, for a look at what they are. */
  recentCalls: {
    id: string;
    startedAt: Date;
    partnerName: string;
    direction: "INBOUND" | "OUTBOUND";
    number: string;
    reason: UnratedReason | null;
  }[];
}

/** Every partner's unrated calls and SMS, counted per reason and per partner and partner-local month. */
export async function unratedOverview(db: Db, actor: Actor, recent = 50): Promise<TUnratedOverview> {
  assertCan(actor, "cdr.import");
  const [calls, sms, recentCalls] = await Promise.all([
    db.$queryRaw<{ reason: UnratedReason | null; partnerId: string; partnerName: string; month: string; n: number }[]>`
      SELECT c."unratedReason" AS reason, c."partnerId", p.name AS "partnerName", ${localMonth(Prisma.sql`c."startedAt"`)} AS month,
        count(*)::int AS n
      FROM (${UNRATED_CALLS}) c JOIN "Partner" p ON p.id = c."partnerId"
      GROUP BY 1, 2, 3, 4`,
    db.$queryRaw<{ reason: UnratedReason | null; partnerId: string; partnerName: string; month: string; n: number }[]>`
      SELECT s."unratedReason" AS reason, s."partnerId", p.name AS "partnerName", ${localMonth(Prisma.sql`s."sentAt"`)} AS month,
        count(*)::int AS n
      FROM "SmsRecord" s JOIN "Partner" p ON p.id = s."partnerId"
      WHERE s."ratedAt" IS NULL OR s."unratedReason" IS NOT NULL
      GROUP BY 1, 2, 3, 4`,
    db.$queryRaw<TUnratedOverview["recentCalls"]>`
      SELECT c.id::text AS id, c."startedAt", p.name AS "partnerName", c.direction,
        CASE WHEN c.direction = 'OUTBOUND' THEN c."toE164" ELSE coalesce(c."didE164", c."toE164") END AS number,
        c."unratedReason" AS reason
      FROM (${UNRATED_CALLS}) c JOIN "Partner" p ON p.id = c."partnerId"
      ORDER BY c."startedAt" DESC, c.id DESC LIMIT ${recent}`,
  ]);
  const byReason = new Map<UnratedReason | null, { reason: UnratedReason | null; calls: number; sms: number }>();
  const byPartnerMonth = new Map<string, TUnratedOverview["byPartnerMonth"][number]>();
  for (const [rows, kind] of [
    [calls, "calls"],
    [sms, "sms"],
  ] as const) {
    for (const row of rows) {
      const reason = byReason.get(row.reason) ?? { reason: row.reason, calls: 0, sms: 0 };
      reason[kind] += row.n;
      byReason.set(row.reason, reason);
      const key = rerateKey(row);
      const partnerMonth = byPartnerMonth.get(key) ?? { ...row, calls: 0, sms: 0 };
      partnerMonth[kind] += row.n;
      byPartnerMonth.set(key, partnerMonth);
    }
  }
  return {
    byReason: [...byReason.values()].sort((a, b) => b.calls + b.sms - (a.calls + a.sms)),
    byPartnerMonth: [...byPartnerMonth.values()]
      .map(({ partnerId, partnerName, month, calls, sms }) => ({ partnerId, partnerName, month, calls, sms }))
      .sort((a, b) => b.month.localeCompare(a.month) || a.partnerName.localeCompare(b.partnerName)),
    recentCalls,
  };
}

/**
 * An admin asks for a partner-month to be rated again (after fixing a price list or a country): counted
 * as expensive work (429 past the limits, decision 0037) and audited, in one transaction; the caller
 * queues the job after it commits. Returns the job's data.
 */
export async function requestRerate(db: Db, actor: Actor, input: TRerateRequest): Promise<TRerateRequest> {
  assertCan(actor, "cdr.import");
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({ where: { id: input.partnerId }, select: { id: true } });
    if (!partner) throw new AppError("NOT_FOUND", "No such partner.");
    await startExpensiveWorkIn(tx, actor, "RERATING", rerateKey(input));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "rating.rerate_requested",
      entityType: "Partner",
      entityId: input.partnerId,
      detail: { month: input.month },
    });
    return input;
  });
}

/**
 * The partner-months holding unrated calls or SMS that a published version can price: those of partners
 * who had its tier at some time (every partner for the End User tier, whose list prices `endUserCost`).
 * A UTC day of the roll-up can straddle two local months: both are named. A draft prices nothing: none.
 */
export async function unsafeMonthsToRerateFor(db: Db, priceListId: string): Promise<TRerateRequest[]> {
  const list = await db.priceList.findFirst({
    where: { id: priceListId, ...PUBLISHED },
    select: { tierId: true, tier: { select: { code: true } } },
  });
  if (!list) return [];
  const ofTier =
    list.tier.code === END_USER_TIER_CODE
      ? Prisma.sql`true`
      : Prisma.sql`EXISTS (SELECT 1 FROM "PartnerTierPeriod" tp WHERE tp."partnerId" = p.id AND tp."tierId" = ${list.tierId})`;
  const dayStart = Prisma.sql`r."day"::timestamp`;
  const dayEnd = Prisma.sql`(r."day"::timestamp + interval '1 day' - interval '1 millisecond')`;
  return db.$queryRaw<TRerateRequest[]>`
    SELECT DISTINCT p.id AS "partnerId", m.month FROM "CallDailyRollup" r
    JOIN "Partner" p ON p.id = r."partnerId"
    CROSS JOIN LATERAL (VALUES (${localMonth(dayStart)}), (${localMonth(dayEnd)})) m(month)
    WHERE r."unratedCalls" > 0 AND ${ofTier}
    UNION
    SELECT DISTINCT p.id, ${localMonth(Prisma.sql`s."sentAt"`)} FROM "SmsRecord" s
    JOIN "Partner" p ON p.id = s."partnerId"
    WHERE s."unratedReason" IS NOT NULL AND ${ofTier}
    ORDER BY 2, 1`;
}

/** How many calls have no price, from the daily roll-up (the admin home's count). */
export async function unratedCallCount(db: Db, actor: Actor): Promise<number> {
  assertCan(actor, "cdr.import");
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT coalesce(sum("unratedCalls"), 0)::int AS n FROM "CallDailyRollup" WHERE "unratedCalls" > 0`;
  return row.n;
}
