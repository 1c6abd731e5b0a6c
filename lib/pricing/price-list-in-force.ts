import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

/**
 * A published version (docs/decisions/0057): a draft (null `publishedAt`, the reference catalogue of
 * a production start) prices nothing and is shown to no partner until an admin publishes it.
 */
export const PUBLISHED = { publishedAt: { not: null } } satisfies Prisma.PriceListWhereInput;

/**
 * The version of a tier's price list in force at `at`: the latest published one whose effective date
 * has passed. Older versions stay stored and readable; a version dated in the future takes over on
 * its date. The tier comes from a row the caller already holds (the partner's tier, or one the policy
 * let the actor see), never straight from a request.
 */
export function priceListInForce<I extends Prisma.PriceListInclude>(
  db: Pick<Db, "priceList">,
  tierId: string,
  at: Date,
  include: I,
) {
  return db.priceList.findFirst({
    where: { tierId, validFrom: { lte: at }, ...PUBLISHED },
    orderBy: { validFrom: "desc" },
    include,
  }) as Promise<Prisma.PriceListGetPayload<{ include: I }> | null>;
}

/**
 * The same rule in SQL, for a statement that reads the price list together with other rows (the
 * number order's context): the in-force version's "PriceList" row for the tier given as SQL.
 */
export function priceListInForceSql(tierId: Prisma.Sql, at: Date): Prisma.Sql {
  return Prisma.sql`SELECT * FROM "PriceList" v WHERE v."tierId" = ${tierId} AND v."validFrom" <= ${at} AND v."publishedAt" IS NOT NULL ORDER BY v."validFrom" DESC LIMIT 1`;
}
