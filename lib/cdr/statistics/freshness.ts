import type { Actor } from "@/lib/auth/actor";
import { scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { TStatisticsFilters } from "./filters";
import type { TCallFreshness } from "./freshness-sentence";
import { tenantAndPlaceConditions } from "./where";

/** A view's actor and the filters that narrow its data (not its dates: freshness is of the data, not the range). */
type TFreshnessView = { actor: Actor; filters: Pick<TStatisticsFilters, "partner" | "customer" | "pbx"> };

const HOUR_MS = 60 * 60 * 1000;

/**
 * The freshness of a statistics view. The newest counted call is found through the hourly roll-up
 * (its newest hour in view, by index), then within that hour PBX by PBX on the call table's
 * (pbxId, startedAt) index: no scan of a month. The calls waiting are read from the partial index of
 * unrated calls, so the cost follows how many wait, not how many there are.
 */
export async function callFreshness(db: Db, view: TFreshnessView): Promise<TCallFreshness> {
  const where = Prisma.join(
    [Prisma.sql`TRUE`, ...tenantAndPlaceConditions(scope.callTenant(view.actor), view.filters)],
    " AND ",
  );
  const [[newest], [waiting]] = await Promise.all([
    db.$queryRaw<{ hour: Date | null }[]>`SELECT max("hour") AS hour FROM "CallHourlyRollup" WHERE ${where}`,
    db.$queryRaw<{ n: number; from: Date | null }[]>`
      SELECT count(*)::int AS n, min("startedAt") AS "from" FROM "CallRecord" WHERE "ratedAt" IS NULL AND ${where}`,
  ]);
  let countedUpTo: Date | null = null;
  if (newest.hour) {
    const hourEnd = new Date(newest.hour.getTime() + HOUR_MS);
    const [row] = await db.$queryRaw<{ at: Date | null }[]>`
      SELECT max(last."at") AS at
      FROM (SELECT DISTINCT "pbxId" FROM "CallHourlyRollup" WHERE "hour" = ${newest.hour} AND ${where}) p
      CROSS JOIN LATERAL (
        SELECT max(c."startedAt") AS at FROM "CallRecord" c
        WHERE c."pbxId" = p."pbxId" AND c."startedAt" >= ${newest.hour} AND c."startedAt" < ${hourEnd}
      ) last`;
    countedUpTo = row.at;
  }
  return {
    countedUpTo: countedUpTo?.toISOString() ?? null,
    waiting: waiting.n,
    waitingFrom: waiting.from?.toISOString() ?? null,
  };
}
