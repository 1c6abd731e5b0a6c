import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

// The tier a partner buys at, at a time: the period of its tier history in force then (the latest
// `validFrom` passed, docs/decisions/0041). `Partner.tierId` is only the current tier, kept by a job,
// so anything priced at a date (quotes, the approval's charge, number orders) reads the period.
// Unscoped: the partner comes from a row the caller already read within the actor's scope.

/** The period in force at `at`, with its tier; null only for a partner without history (none should be). */
export function tierInForce(db: Pick<Db, "partnerTierPeriod">, partnerId: string, at: Date) {
  return db.partnerTierPeriod.findFirst({
    where: { partnerId, validFrom: { lte: at } },
    orderBy: { validFrom: "desc" },
    select: { id: true, tierId: true, validFrom: true, tier: { select: { code: true, name: true } } },
  });
}

/** The same, as a nested select of a query that reads the partner anyway: `partner: { select: { tierPeriods: … } } }`. */
export function tierPeriodInForce(at: Date) {
  return {
    where: { validFrom: { lte: at } },
    orderBy: { validFrom: "desc" },
    take: 1,
    select: { tierId: true },
  } as const satisfies Prisma.Partner$tierPeriodsArgs;
}

/** The tier id from a partner read with `tierPeriods: tierPeriodInForce(at)` (and its current `tierId`, for a partner without history). */
export function tierIdInForce(partner: { tierId: string; tierPeriods: { tierId: string }[] }) {
  return partner.tierPeriods[0]?.tierId ?? partner.tierId;
}

/** The same rule in SQL: the tier id in force at `at` for the partner whose id is the SQL `partnerId`. */
export function tierInForceSql(partnerId: Prisma.Sql, at: Date): Prisma.Sql {
  return Prisma.sql`(SELECT tp."tierId" FROM "PartnerTierPeriod" tp WHERE tp."partnerId" = ${partnerId} AND tp."validFrom" <= ${at} ORDER BY tp."validFrom" DESC LIMIT 1)`;
}
