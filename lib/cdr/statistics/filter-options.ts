import type { Actor } from "@/lib/auth/actor";
import { assertCan, can, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

export interface TFilterOptions {
  pbxs: { id: string; name: string; customerName: string }[];
  /** For partners and admins (a per-customer view); empty for an end user, who has one customer. */
  customers: { id: string; name: string }[];
  /** For admins only. */
  partners: { id: string; name: string }[];
}

/** What the filter form offers: only what the actor may see, so a choice is never a foreign id. */
export async function statisticsFilterOptions(db: Db, actor: Actor): Promise<TFilterOptions> {
  assertCan(actor, "statistics.view");
  const [pbxs, customers, partners] = await Promise.all([
    db.pbx.findMany({
      where: scope.pbxs(actor),
      orderBy: [{ customer: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, customer: { select: { name: true } } },
    }),
    actor.role === "END_USER"
      ? []
      : db.customer.findMany({
          where: scope.customers(actor),
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        }),
    can(actor, "partners.view_all")
      ? db.partner.findMany({
          where: scope.partners(actor),
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        })
      : [],
  ]);
  return { pbxs: pbxs.map((p) => ({ id: p.id, name: p.name, customerName: p.customer.name })), customers, partners };
}
