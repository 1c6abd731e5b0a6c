import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseStatisticsFilters } from "./filters";
import type { TStatisticsScope } from "./where";

/**
 * The filters of a statistics request, parsed (malformed: 400) and with every id they name checked
 * against the actor's scope: a PBX, customer or partner the actor cannot see is a 404, the same as
 * one that does not exist. The queries AND the tenant in again whatever this lets through.
 */
export async function statisticsContext(
  db: Db,
  actor: Actor,
  query: Parameters<typeof parseStatisticsFilters>[0],
  now?: Date,
): Promise<TStatisticsScope> {
  assertCan(actor, "statistics.view");
  const filters = parseStatisticsFilters(query);
  const notFound = () => new AppError("NOT_FOUND", "This does not exist.");
  const checks = [
    filters.pbx && db.pbx.count({ where: { AND: [scope.pbxs(actor), { id: filters.pbx }] } }),
    filters.customer && db.customer.count({ where: { AND: [scope.customers(actor), { id: filters.customer }] } }),
    filters.partner && db.partner.count({ where: { AND: [scope.partners(actor), { id: filters.partner }] } }),
  ];
  for (const found of await Promise.all(checks)) if (found === 0) throw notFound();
  return { actor, filters, now };
}
