import type { Actor } from "@/lib/auth/actor";
import { assertCan, assertCanAny, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { PortingStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { loadPortingRequest, PORTING_READERS } from "./load";
import { PORTING_STATUSES } from "./transitions";

export const PORTING_PAGE_SIZE = 25;

export interface PortingFilters {
  status?: PortingStatus;
  partnerId?: string;
  pbxId?: string;
  page?: number;
}

/** A page of the requests the actor may see, oldest first (the queue's order), with counts per status for the tabs. */
export async function listPortingRequests(db: Db, actor: Actor, filters: PortingFilters = {}) {
  assertCanAny(actor, PORTING_READERS);
  // The scope and the filters are separate conditions: a filter can narrow the scope, never replace it.
  const narrowed: Prisma.PortingRequestWhereInput[] = [scope.portingRequests(actor)];
  if (filters.partnerId) narrowed.push({ partnerId: filters.partnerId });
  if (filters.pbxId) narrowed.push({ pbxId: filters.pbxId });
  const where = { AND: [...narrowed, ...(filters.status ? [{ status: filters.status }] : [])] };
  const page = filters.page ?? 1;
  const [requests, total, grouped] = await Promise.all([
    db.portingRequest.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PORTING_PAGE_SIZE,
      take: PORTING_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        createdAt: true,
        requestedDate: true,
        portingAt: true,
        currentOperator: true,
        partner: { select: { name: true } },
        pbx: { select: { id: true, name: true } },
        numbers: { orderBy: { e164: "asc" }, take: 3, select: { e164: true, countryCode: true } },
        _count: { select: { numbers: true } },
      },
    }),
    db.portingRequest.count({ where }),
    db.portingRequest.groupBy({ by: ["status"], where: { AND: narrowed }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(PORTING_STATUSES.map((s) => [s, 0])) as Record<PortingStatus, number>;
  for (const g of grouped) counts[g.status] = g._count._all;
  return { requests, counts, total, page, pageCount: Math.max(1, Math.ceil(total / PORTING_PAGE_SIZE)) };
}
export type PortingListItem = Awaited<ReturnType<typeof listPortingRequests>>["requests"][number];

/** Everything a request page shows: the request, its numbers (with their inventory state once ported), the LOA and the timeline. */
export async function portingRequestDetail(db: Db, actor: Actor, requestId: string) {
  const request = await loadPortingRequest(db, actor, requestId, {
    partner: { select: { name: true } },
    pbx: { select: { id: true, name: true, serial: true, customer: { select: { name: true } } } },
    loaFile: { select: { id: true, fileName: true, sizeBytes: true } },
    numbers: {
      orderBy: { e164: "asc" },
      include: { country: { select: { name: true } }, phoneNumber: { select: { status: true, pbxId: true } } },
    },
    events: { orderBy: { id: "asc" } },
  });
  const actorIds = [...new Set(request.events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true, role: true },
  });
  return { request, eventActors: Object.fromEntries(actors.map((a) => [a.id, a])) };
}
export type PortingRequestDetail = Awaited<ReturnType<typeof portingRequestDetail>>;

/** The PBX page's porting panel: its port-ins, newest first, and whether a new one can be asked for. */
export async function pbxPortingOverview(db: Db, actor: Actor, pbxId: string) {
  assertCanAny(actor, PORTING_READERS);
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: pbxId }] },
    select: { id: true, service: { select: { status: true } } },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  const requests = await db.portingRequest.findMany({
    where: { AND: [scope.portingRequests(actor), { pbxId: pbx.id }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 20,
    select: {
      id: true,
      status: true,
      createdAt: true,
      portingAt: true,
      numbers: {
        orderBy: { e164: "asc" },
        select: { e164: true, phoneNumber: { select: { status: true, pbxId: true } } },
      },
    },
  });
  return { requests, canRequest: pbx.service?.status === "ACTIVE" };
}

/** The partners the admin queue can be filtered by. */
export async function portingQueuePartners(db: Db, actor: Actor) {
  assertCan(actor, "porting.handle");
  return db.partner.findMany({
    where: { AND: [scope.partners(actor), { portingRequests: { some: {} } }] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The actor's PBXs numbers can be ported to (CLASSOUND active), for the new-request form. */
export async function portablePbxs(db: Db, actor: Actor) {
  assertCan(actor, "porting.request");
  return db.pbx.findMany({
    where: { AND: [scope.pbxs(actor), { service: { status: "ACTIVE" } }] },
    orderBy: [{ customer: { name: "asc" } }, { name: "asc" }],
    select: { id: true, name: true, customer: { select: { name: true } } },
  });
}
