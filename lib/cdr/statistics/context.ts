import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseStatisticsFilters, type TStatisticsFilters } from "./filters";
import type { TStatisticsScope } from "./where";
import type { TPartnerZone } from "./day-labels";

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
  return { actor, filters, now, zones: await viewZones(db, actor, filters) };
}

/**
 * The partners a view covers (the actor's scope AND the filters'), grouped by time zone: their
 * calendars name the days (./zone). Empty when the view covers no partner.
 */
export async function viewZones(
  db: Db,
  actor: Actor,
  filters: Pick<TStatisticsFilters, "partner" | "customer" | "pbx">,
): Promise<TPartnerZone[]> {
  const partners = await db.partner.findMany({
    where: {
      // An end user's partner is the one of its customer: partners are found through the customers in scope.
      AND: [
        filters.partner ? { id: filters.partner } : {},
        {
          customers: {
            some: {
              AND: [
                scope.customers(actor),
                filters.customer ? { id: filters.customer } : {},
                filters.pbx ? { pbxs: { some: { id: filters.pbx } } } : {},
              ],
            },
          },
        },
      ],
    },
    select: { id: true, timeZone: true },
    orderBy: [{ timeZone: "asc" }, { id: "asc" }],
  });
  const zones = new Map<string, string[]>();
  for (const p of partners) zones.set(p.timeZone, [...(zones.get(p.timeZone) ?? []), p.id]);
  return [...zones].map(([zone, partnerIds]) => ({ zone, partnerIds }));
}
