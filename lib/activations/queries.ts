import type { Actor } from "@/lib/auth/actor";
import { assertCan, assertCanAny, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { ActivationStatus } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { INELIGIBILITY_MESSAGE, pbxIneligibilityReasons } from "./eligibility";
import { ACTIVATION_READERS, loadActivationRequest } from "./load";
import { precheckActivationRequest, precheckInputOf } from "./precheck";
import { OPEN_STATUSES } from "./transitions";

/** The partner's PBXs with what stands between each and CLASSOUND (R1), for the "Activate" list. */
export async function activationCandidates(db: Db, actor: Actor, now = new Date()) {
  assertCan(actor, "activation.request");
  const pbxs = await db.pbx.findMany({
    where: scope.pbxs(actor),
    orderBy: [{ customer: { name: "asc" } }, { name: "asc" }],
    include: {
      customer: { select: { name: true } },
      licenses: { select: { quantity: true } },
      service: { select: { status: true, expiresAt: true } },
      activationRequests: {
        where: { status: { in: [...OPEN_STATUSES] } },
        select: { id: true, status: true },
        take: 1,
      },
    },
  });
  return pbxs.map((pbx) => {
    const reasons = pbxIneligibilityReasons(pbx, pbx.activationRequests.length, now);
    return {
      id: pbx.id,
      name: pbx.name,
      serial: pbx.serial,
      customerId: pbx.customerId,
      customerName: pbx.customer.name,
      licensePlan: pbx.licensePlan,
      softwareVersion: pbx.softwareVersion,
      termExpiry: pbx.termExpiry,
      serviceStatus: pbx.service?.status ?? null,
      serviceExpiresAt: pbx.service?.expiresAt ?? null,
      openRequest: pbx.activationRequests[0] ?? null,
      reasons: reasons.map((r) => ({ code: r, message: INELIGIBILITY_MESSAGE[r] })),
    };
  });
}
export type ActivationCandidate = Awaited<ReturnType<typeof activationCandidates>>[number];

export interface QueueFilters {
  /** Any of these statuses; all when absent. */
  statuses?: readonly ActivationStatus[];
  countryCode?: string;
  partnerId?: string;
  customerId?: string;
}

/** Requests the actor may see, filtered; oldest submission first, and counts per status. */
export async function listActivationRequests(db: Db, actor: Actor, filters: QueueFilters = {}) {
  assertCanAny(actor, ACTIVATION_READERS);
  // The tenant scope and the filters are separate conditions: a filter can narrow the scope, never replace it.
  const filtered: Prisma.ActivationRequestWhereInput[] = [scope.activationRequests(actor)];
  if (filters.countryCode) filtered.push({ countryCode: filters.countryCode });
  if (filters.partnerId) filtered.push({ partnerId: filters.partnerId });
  if (filters.customerId) filtered.push({ customerId: filters.customerId });
  const where: Prisma.ActivationRequestWhereInput = {
    AND: [...filtered, ...(filters.statuses ? [{ status: { in: [...filters.statuses] } }] : [])],
  };
  const [requests, grouped] = await Promise.all([
    db.activationRequest.findMany({
      where,
      orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: 500,
      include: {
        pbx: { select: { name: true, serial: true } },
        customer: { select: { name: true } },
        partner: { select: { name: true } },
        country: { select: { name: true } },
      },
    }),
    db.activationRequest.groupBy({ by: ["status"], where: { AND: filtered }, _count: { _all: true } }),
  ]);
  const counts = Object.fromEntries(Object.values(ActivationStatus).map((s) => [s, 0])) as Record<
    ActivationStatus,
    number
  >;
  for (const g of grouped) counts[g.status] = g._count._all;
  return { requests, counts };
}

/** Everything a request page shows, for a request the actor may see. */
export async function activationRequestDetail(db: Db, actor: Actor, requestId: string, now = new Date()) {
  const request = await loadActivationRequest(db, actor, requestId, {
    pbx: { include: { licenses: true, service: true } },
    customer: { select: { name: true } },
    partner: { select: { name: true } },
    country: { select: { name: true, activationEnabled: true } },
    documents: {
      orderBy: { name: "asc" },
      include: {
        file: { select: { id: true, fileName: true, sizeBytes: true, contentType: true, sha256: true } },
        replacedFile: { select: { id: true, fileName: true } },
        requiredDocument: { select: { templateFileId: true } },
      },
    },
    events: { orderBy: { id: "asc" } },
  });
  const actorIds = [...new Set(request.events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true, role: true },
  });
  const issues = precheckActivationRequest(precheckInputOf(request), now);
  return { request, issues, eventActors: Object.fromEntries(actors.map((a) => [a.id, a])) };
}
export type ActivationRequestDetail = Awaited<ReturnType<typeof activationRequestDetail>>;

/** The countries and partners the review queue can be filtered by. */
export async function activationQueueFilterOptions(db: Db, actor: Actor) {
  assertCan(actor, "activation.review");
  const [countries, partners] = await Promise.all([
    db.country.findMany({
      where: { activationRequests: { some: scope.activationRequests(actor) } },
      orderBy: { name: "asc" },
      select: { code: true, name: true },
    }),
    db.partner.findMany({ where: scope.partners(actor), orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { countries, partners };
}
