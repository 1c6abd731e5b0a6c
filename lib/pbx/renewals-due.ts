import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { pageOf } from "@/lib/paging";
import { RUNNING_STATUSES } from "./service-status";

const DAY_MS = 86_400_000;

/** How far ahead the dashboards look for terms to renew. */
export const RENEWALS_DUE_DAYS = 90;
/** How far back a PBX counts as new on the dashboards. */
export const NEW_PBX_DAYS = 30;
/** Rows a dashboard card shows; the rest are one link away. */
export const DASHBOARD_ROWS = 5;
/** Rows a page of the full renewals list shows. */
export const RENEWALS_PAGE_SIZE = 25;

/** Running services of the actor's PBXs whose term ends within `days`: renewed, or they end (R3). */
export function renewalsDueWhere(actor: Actor, now: Date, days: number): Prisma.ClassoundServiceWhereInput {
  return {
    AND: [
      { pbx: scope.pbxs(actor) },
      {
        status: { in: [...RUNNING_STATUSES] },
        endedAt: null,
        expiresAt: { gt: now, lte: new Date(now.getTime() + days * DAY_MS) },
      },
    ],
  };
}

/** The actor's PBXs whose own licence term (monthly, yearly or 5-year) ends within `days`, CLASSOUND or not. */
export function licenceEndsWhere(actor: Actor, now: Date, days: number): Prisma.PbxWhereInput {
  return {
    AND: [
      scope.pbxs(actor),
      {
        licensePlan: { not: "LIFETIME" },
        termExpiry: { gt: now, lte: new Date(now.getTime() + days * DAY_MS) },
      },
    ],
  };
}

const DUE_SELECT = {
  id: true,
  expiresAt: true,
  cancellationRequestedAt: true,
  pbx: { select: { id: true, name: true, customer: { select: { name: true, partner: { select: { name: true } } } } } },
} as const satisfies Prisma.ClassoundServiceSelect;

type DueRow = Prisma.ClassoundServiceGetPayload<{ select: typeof DUE_SELECT }>;

function dueRow(s: DueRow) {
  return {
    pbxId: s.pbx.id,
    pbxName: s.pbx.name,
    customerName: s.pbx.customer.name,
    partnerName: s.pbx.customer.partner.name,
    endsAt: s.expiresAt,
    cancelled: s.cancellationRequestedAt !== null,
  };
}
export type RenewalDueRow = ReturnType<typeof dueRow>;

// Soonest first; the id keeps pages stable between services ending at the same instant.
const DUE_ORDER: Prisma.ClassoundServiceOrderByWithRelationInput[] = [{ expiresAt: "asc" }, { id: "asc" }];

/**
 * The dashboards' two cards: the services whose term ends within `days` (soonest first) and the PBXs
 * registered in the last NEW_PBX_DAYS (newest first), each limited to `limit` rows with its total,
 * within the actor's scope.
 */
export async function renewalsDue(
  db: Db,
  actor: Actor,
  {
    days = RENEWALS_DUE_DAYS,
    now = new Date(),
    limit = DASHBOARD_ROWS,
  }: { days?: number; now?: Date; limit?: number } = {},
) {
  assertCan(actor, "pbx.view");
  const due = renewalsDueWhere(actor, now, days);
  const recent: Prisma.PbxWhereInput = {
    AND: [scope.pbxs(actor), { createdAt: { gt: new Date(now.getTime() - NEW_PBX_DAYS * DAY_MS), lte: now } }],
  };
  const [renewals, renewalsTotal, newPbxs, newPbxsTotal] = await Promise.all([
    db.classoundService.findMany({ where: due, orderBy: DUE_ORDER, take: limit, select: DUE_SELECT }),
    db.classoundService.count({ where: due }),
    db.pbx.findMany({
      where: recent,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        name: true,
        createdAt: true,
        customer: { select: { name: true, partner: { select: { name: true } } } },
      },
    }),
    db.pbx.count({ where: recent }),
  ]);
  return {
    renewals: { rows: renewals.map(dueRow), total: renewalsTotal },
    newPbxs: {
      rows: newPbxs.map((p) => ({
        pbxId: p.id,
        pbxName: p.name,
        customerName: p.customer.name,
        partnerName: p.customer.partner.name,
        registeredAt: p.createdAt,
      })),
      total: newPbxsTotal,
    },
  };
}
export type RenewalsDue = Awaited<ReturnType<typeof renewalsDue>>;

/** The full list behind the dashboards' card: one page of the services whose term ends within `days`. */
export async function renewalsDuePage(
  db: Db,
  actor: Actor,
  { page = 1, days = RENEWALS_DUE_DAYS, now = new Date() }: { page?: number; days?: number; now?: Date } = {},
) {
  assertCan(actor, "pbx.view");
  const where = renewalsDueWhere(actor, now, days);
  const total = await db.classoundService.count({ where });
  const paging = pageOf(total, RENEWALS_PAGE_SIZE, page);
  const rows = await db.classoundService.findMany({
    where,
    orderBy: DUE_ORDER,
    skip: paging.skip,
    take: paging.take,
    select: DUE_SELECT,
  });
  return { rows: rows.map(dueRow), total, page: paging.page, pageCount: paging.pageCount };
}
