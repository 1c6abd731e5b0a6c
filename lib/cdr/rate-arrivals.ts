import type { Db } from "@/lib/db/client";
import { RATING_TRANSACTION, rateMonthInTransaction } from "@/lib/cdr/rating/rate-month";
import { refreshRollupDaysIn, rollupDays } from "@/lib/cdr/rollups/refresh";

/**
 * After calls or SMS arrived (an import, an API post), per partner-local month: rates the records not
 * rated yet, each user from its first one (scope "new"), and rebuilds the roll-ups of the days and
 * PBXs that rating wrote, in one transaction, so a reader sees a rated call with its roll-up or
 * neither (decision 0052). The days' top-number rankings are rebuilt with them; the months' and the
 * current seven days' wait for the `cdr-rankings` job. Returns the months it changed and how many
 * calls it rated.
 */
export async function rateArrivals(db: Db, months: string[], pbxIds: string[] | undefined, now: Date) {
  const changedMonths: string[] = [];
  let calls = 0;
  for (const month of months) {
    await db.$transaction(async (tx) => {
      const changes = await rateMonthInTransaction(tx, { month, pbxIds, scope: "new" });
      const all = [...changes.calls, ...changes.sms];
      if (!all.length) return;
      changedMonths.push(month);
      calls += changes.calls.reduce((sum, c) => sum + c.changed, 0);
      const from = new Date(Math.min(...all.map((c) => c.first.getTime())));
      const to = new Date(Math.max(...all.map((c) => c.last.getTime())));
      await refreshRollupDaysIn(tx, rollupDays({ from, to }), now, {
        pbxIds: [...new Set(all.map((c) => c.pbxId))],
        rankings: "days",
      });
    }, RATING_TRANSACTION);
  }
  return { months: changedMonths, calls };
}
