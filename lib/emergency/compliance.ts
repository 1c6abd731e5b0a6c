import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { NEEDS_LOCATION, statusCounts, type StatusCounts } from "./numbers";
import { formatCount } from "@/lib/format";

export const COMPLIANCE_PAGE_SIZE = 50;

/** What still stands between a PBX and compliant emergency calling (R13), in the partner's words. */
export function actionsNeeded(row: {
  counts: StatusCounts;
  hasService: boolean;
  emergencyConfiguredAt: Date | null;
  openTicket: boolean;
}): string[] {
  const actions: string[] = [];
  if (row.counts.NO_LOCATION)
    actions.push(`${formatCount(row.counts.NO_LOCATION, "number", "numbers")} missing a location`);
  if (row.counts.CHANGES_REQUIRED)
    actions.push(
      `${formatCount(row.counts.CHANGES_REQUIRED, "number needs", "numbers need")} the changes the operator asked for`,
    );
  if (row.hasService && !row.emergencyConfiguredAt)
    actions.push(
      row.openTicket
        ? "Emergency service: configuration requested, waiting for support"
        : "Emergency service not configured: request it from support",
    );
  return actions;
}

/**
 * Compliance per PBX (the actor's PBXs with CLASSOUND or with numbers that need a location), a page
 * at a time, and the totals across all of them: numbers with and without a valid location, whether
 * emergency service is configured, the configuration ticket's state, and what action is needed.
 */
export async function complianceOverview(db: Db, actor: Actor, input: { pbxId?: string; page?: number } = {}) {
  assertCan(actor, "emergency.view");
  const pbxWhere: Prisma.PbxWhereInput = {
    AND: [
      scope.pbxs(actor),
      input.pbxId
        ? { id: input.pbxId }
        : { OR: [{ service: { isNot: null } }, { phoneNumbers: { some: NEEDS_LOCATION } }] },
    ],
  };
  const numberWhere: Prisma.PhoneNumberWhereInput = {
    AND: [scope.phoneNumbers(actor), NEEDS_LOCATION, { pbx: pbxWhere }],
  };
  const [pbxTotal, totals] = await Promise.all([
    db.pbx.count({ where: pbxWhere }),
    db.phoneNumber.groupBy({ by: ["emergencyStatus"], where: numberWhere, _count: { _all: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(pbxTotal / COMPLIANCE_PAGE_SIZE));
  const page = Math.min(input.page ?? 1, pageCount);
  const pbxs = await db.pbx.findMany({
    where: pbxWhere,
    orderBy: [{ customer: { name: "asc" } }, { name: "asc" }],
    skip: (page - 1) * COMPLIANCE_PAGE_SIZE,
    take: COMPLIANCE_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      customer: { select: { name: true, partner: { select: { name: true } } } },
      service: { select: { emergencyConfiguredAt: true } },
      tickets: {
        where: { AND: [scope.tickets(actor), { category: "EMERGENCY_SERVICE" }] },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, status: true },
      },
    },
  });
  const groups = await db.phoneNumber.groupBy({
    by: ["pbxId", "emergencyStatus"],
    where: { AND: [numberWhere, { pbxId: { in: pbxs.map((p) => p.id) } }] },
    _count: { _all: true },
  });
  const rows = pbxs.map((pbx) => {
    const counts = statusCounts(groups.filter((g) => g.pbxId === pbx.id));
    const ticket = pbx.tickets[0] ?? null;
    const state = {
      counts,
      hasService: !!pbx.service,
      emergencyConfiguredAt: pbx.service?.emergencyConfiguredAt ?? null,
      openTicket: !!ticket && ticket.status !== "CLOSED" && ticket.status !== "RESOLVED",
    };
    return {
      pbx: { id: pbx.id, name: pbx.name, customerName: pbx.customer.name, partnerName: pbx.customer.partner.name },
      ...state,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      ticket,
      actions: actionsNeeded(state),
    };
  });
  return { rows, totals: statusCounts(totals), page, pageCount, pbxTotal };
}
export type ComplianceRow = Awaited<ReturnType<typeof complianceOverview>>["rows"][number];
