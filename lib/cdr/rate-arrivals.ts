import type { Db } from "@/lib/db/client";
import {
  changedCount,
  RATING_TRANSACTION,
  rateMonthInTransaction,
  type RatingChange,
} from "@/lib/cdr/rating/rate-month";
import { refreshRollupDaysIn } from "@/lib/cdr/rollups/refresh";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const floorHour = (at: Date) => new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
const earliest = (dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/** What a rating wrote for one PBX, calls and SMS together: its day labels and its UTC hours. */
function rebuiltOf(changes: RatingChange[]) {
  return {
    days: {
      fromDay: earliest(changes.map((c) => c.firstDay)),
      toDayExclusive: new Date(latest(changes.map((c) => c.lastDay)).getTime() + DAY_MS),
    },
    hours: {
      from: floorHour(earliest(changes.map((c) => c.first))),
      toExclusive: new Date(floorHour(latest(changes.map((c) => c.last))).getTime() + HOUR_MS),
    },
  };
}

/**
 * After calls or SMS arrived (an import, an API post), per partner-local month: rates the records not
 * rated yet, each user from its first one (scope "new"), and rebuilds, in the same transaction, each
 * PBX's roll-ups of exactly the day labels (its partner's zone) and UTC hours that rating wrote, so a
 * reader sees a rated call with its roll-up or neither (decision 0052). The top-number rankings
 * of those days, of their months and of the current seven days follow in the `cdr-day-rankings`
 * and `cdr-rankings` jobs (decision 0053). Returns the months it changed, the day labels it rolled
 * up per month, and how many calls it rated.
 */
export async function rateArrivals(db: Db, months: string[], pbxIds: string[] | undefined, now: Date) {
  const changedMonths: string[] = [];
  const rolledUp: ReturnType<typeof rebuiltOf>["days"][] = [];
  let calls = 0;
  for (const month of months) {
    await db.$transaction(async (tx) => {
      const changes = await rateMonthInTransaction(tx, { month, pbxIds, scope: "new" });
      const all = [...changes.calls, ...changes.sms];
      if (!all.length) return;
      changedMonths.push(month);
      calls += changedCount(changes.calls);
      for (const pbxId of new Set(all.map((c) => c.pbxId))) {
        const { days, hours } = rebuiltOf(all.filter((c) => c.pbxId === pbxId));
        await refreshRollupDaysIn(tx, days, now, { pbxIds: [pbxId], rankings: "none", hours });
      }
      rolledUp.push(rebuiltOf(all).days);
    }, RATING_TRANSACTION);
  }
  return { months: changedMonths, days: rolledUp, calls };
}
