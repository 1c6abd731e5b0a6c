import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { AuditAction } from "@/lib/audit/sentences";
import { recordAudit } from "@/lib/audit/record";
import { readRuntimeEnv } from "@/lib/config/runtime";
import type { Db } from "@/lib/db/client";
import type { ServiceStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { RUNNING_STATUSES } from "./service-status";
import { notifyPartner } from "@/lib/notifications/notify";
import { quarantineNumbers } from "@/lib/numbers/release";
import type { Tx } from "@/lib/tickets/thread";

const DAY_MS = 86_400_000;

/**
 * How long an ended service's numbers stay on its PBX before they go to quarantine (decision 0056):
 * a partner who renews late keeps its customer's numbers. Quarantine then lasts NUMBER_QUARANTINE_DAYS.
 */
export const NUMBERS_GRACE_DAYS = 30;

/** The warnings before a service's term ends, farthest first; each goes out once per expiry date. */
export const EXPIRY_WARNING_DAYS = [30, 7] as const;

/** A service that reached its term's end: its numbers wait out the grace, then go to quarantine. */
export const ENDED_STATUSES = ["EXPIRED", "CANCELLED"] as const satisfies readonly ServiceStatus[];

export function numbersKeptUntil(endedAt: Date) {
  return new Date(endedAt.getTime() + NUMBERS_GRACE_DAYS * DAY_MS);
}

/**
 * Warns each partner 30 and 7 days before a running service's term ends, unless it cancelled the
 * service itself. The windows do not overlap (30 warns between 30 and 7 days out, 7 in the last 7),
 * so a service first seen 5 days out gets one warning, not two. The `ServiceExpiryNotice` row is
 * the record: its key (service, expiry, days) decides once and for all, even between two runs at
 * once, and a renewal that moves the expiry warns again. One notice per partner and window, listing
 * its PBXs, so a partner whose PBXs all renew on one day gets one mail, not fifty. Every tenant: a job.
 */
export async function unsafeWarnExpiringServices(db: Db, now: Date) {
  return db.$transaction(
    async (tx) => {
      let warned = 0;
      for (const [index, days] of EXPIRY_WARNING_DAYS.entries()) {
        const nearer = EXPIRY_WARNING_DAYS[index + 1] ?? 0;
        const noticed = await tx.$queryRaw<{ serviceId: string }[]>`
          INSERT INTO "ServiceExpiryNotice" ("id", "serviceId", "expiresAt", "daysBefore", "createdAt")
          SELECT 'c' || replace(gen_random_uuid()::text, '-', ''), s."id", s."expiresAt", ${days}::int, ${now}
          FROM "ClassoundService" s
          WHERE s."status" IN ('ACTIVE', 'SUSPENDED') AND s."endedAt" IS NULL AND s."cancellationRequestedAt" IS NULL
            AND s."expiresAt" > ${new Date(now.getTime() + nearer * DAY_MS)}
            AND s."expiresAt" <= ${new Date(now.getTime() + days * DAY_MS)}
          ON CONFLICT ("serviceId", "expiresAt", "daysBefore") DO NOTHING
          RETURNING "serviceId"`;
        warned += noticed.length;
        await notifyPartners(
          tx,
          noticed.map((n) => n.serviceId),
          days,
        );
      }
      return warned;
    },
    { timeout: 60_000 },
  );
}

// A mail names this many PBXs at most; the link lists them all.
const LISTED_IN_NOTICE = 20;

function listed(ending: { expiresAt: Date; pbx: { name: string; customer: { name: string } } }[]) {
  const named = ending
    .slice(0, LISTED_IN_NOTICE)
    .map((s) => `${s.pbx.name} (${s.pbx.customer.name}) on ${formatDate(s.expiresAt)}`)
    .join("; ");
  const more = ending.length - LISTED_IN_NOTICE;
  return more > 0 ? `${named}; and ${more} more` : named;
}

async function notifyPartners(tx: Tx, serviceIds: string[], days: number) {
  if (!serviceIds.length) return;
  const services = await tx.classoundService.findMany({
    where: { id: { in: serviceIds } },
    orderBy: [{ expiresAt: "asc" }, { pbx: { name: "asc" } }],
    select: {
      expiresAt: true,
      pbx: { select: { id: true, name: true, customer: { select: { name: true, partnerId: true } } } },
    },
  });
  const byPartner = new Map<string, typeof services>();
  for (const service of services) {
    const partnerId = service.pbx.customer.partnerId;
    if (!byPartner.has(partnerId)) byPartner.set(partnerId, []);
    byPartner.get(partnerId)!.push(service);
  }
  const keep = `Renew the PBX's licence before then to keep CLASSOUND running; otherwise the service ends that day, and its numbers stay on the PBX for ${NUMBERS_GRACE_DAYS} more days before they go to quarantine.`;
  for (const [partnerId, ending] of byPartner) {
    const [first] = ending;
    const one = ending.length === 1;
    await notifyPartner(tx, partnerId, {
      event: "service.ending",
      title: one
        ? `CLASSOUND on ${first.pbx.name} ends on ${formatDate(first.expiresAt)}`
        : `CLASSOUND on ${ending.length} PBXs ends within ${days} days`,
      body: one
        ? `The term of ${first.pbx.name} (${first.pbx.customer.name}) ends on ${formatDate(first.expiresAt)}. ${keep}`
        : `These PBXs' terms end soon: ${listed(ending)}. ${keep}`,
      link: one ? `/pbxs/${first.pbx.id}` : "/pbxs/renewals",
    });
  }
}

/**
 * Ends, at their term's end, the running services that were not renewed (R3): EXPIRED, or CANCELLED
 * when the partner cancelled, with `endedAt` the expiry itself (not when this ran), a SERVICE_ENDED
 * event in the PBX's history and an audit entry each. One UPDATE whatever the count; a second run
 * finds nothing left to end. Every tenant: a job.
 */
export async function unsafeEndExpiredServices(db: Db, now: Date) {
  return db.$transaction(
    async (tx) => {
      const ended = await tx.$queryRaw<{ pbxId: string; status: ServiceStatus; expiresAt: Date }[]>`
        UPDATE "ClassoundService"
        SET "status" = (CASE WHEN "cancellationRequestedAt" IS NULL THEN 'EXPIRED' ELSE 'CANCELLED' END)::"ServiceStatus",
            "endedAt" = "expiresAt", "updatedAt" = ${now}
        WHERE "status" IN ('ACTIVE', 'SUSPENDED') AND "endedAt" IS NULL AND "expiresAt" <= ${now}
        RETURNING "pbxId", "status"::text AS "status", "expiresAt"`;
      if (!ended.length) return 0;
      const detailOf = (s: (typeof ended)[number]) => ({
        status: s.status,
        endedAt: s.expiresAt.toISOString(),
        numbersKeptUntil: numbersKeptUntil(s.expiresAt).toISOString(),
      });
      await tx.pbxLicenseEvent.createMany({
        data: ended.map((s) => ({
          pbxId: s.pbxId,
          kind: "SERVICE_ENDED",
          effectiveAt: s.expiresAt,
          detail: detailOf(s),
        })),
      });
      await tx.auditLog.createMany({
        data: ended.map((s) => ({
          action: "pbx.service_ended" satisfies AuditAction,
          entityType: "Pbx",
          entityId: s.pbxId,
          detail: detailOf(s),
        })),
      });
      return ended.length;
    },
    { timeout: 60_000 },
  );
}

/** One ended service's numbers, in one transaction claimed by setting `numbersQuarantinedAt`. */
async function quarantineServiceNumbers(
  db: Db,
  service: { id: string; pbxId: string },
  now: Date,
  quarantineDays: number,
) {
  return db.$transaction(
    async (tx) => {
      const { count } = await tx.classoundService.updateMany({
        where: { id: service.id, numbersQuarantinedAt: null, status: { in: [...ENDED_STATUSES] } },
        data: { numbersQuarantinedAt: now },
      });
      if (!count) return 0;
      const moved = await quarantineNumbers(tx, { pbxId: service.pbxId }, { actorId: null, now, quarantineDays });
      // A PBX without numbers has nothing to tell its history.
      if (!moved.length) return 0;
      const detail = {
        numbers: moved.length,
        quarantineUntil: new Date(now.getTime() + quarantineDays * DAY_MS).toISOString(),
      };
      await tx.pbxLicenseEvent.create({
        data: { pbxId: service.pbxId, kind: "NUMBERS_QUARANTINED", effectiveAt: now, detail },
      });
      await recordAudit(tx, {
        action: "pbx.service_numbers_quarantined",
        entityType: "Pbx",
        entityId: service.pbxId,
        detail,
      });
      return moved.length;
    },
    { timeout: 60_000 },
  );
}

/**
 * Once the grace is over, an ended service's numbers leave its PBX through the one quarantine path
 * of released numbers (`quarantineNumbers`: set-based whatever the count, default caller number and
 * emergency sites cleared first). One transaction per PBX, so a second run, or a run beside this
 * one, moves nothing more. A service activated again before then is running, not ended, and keeps
 * its numbers. Every tenant: a job.
 */
export async function unsafeQuarantineEndedServicesNumbers(
  db: Db,
  now: Date,
  quarantineDays = readRuntimeEnv().NUMBER_QUARANTINE_DAYS,
) {
  const due = await db.classoundService.findMany({
    where: {
      status: { in: [...ENDED_STATUSES] },
      numbersQuarantinedAt: null,
      endedAt: { lte: new Date(now.getTime() - NUMBERS_GRACE_DAYS * DAY_MS) },
    },
    orderBy: { endedAt: "asc" },
    select: { id: true, pbxId: true },
  });
  let numbers = 0;
  // One PBX that cannot be moved must not hold up the others; the run still fails, so it is retried and seen.
  const failures: unknown[] = [];
  for (const service of due)
    numbers += await quarantineServiceNumbers(db, service, now, quarantineDays).catch((error: unknown) => {
      failures.push(error);
      return 0;
    });
  if (failures.length)
    throw new AggregateError(failures, `The numbers of ${failures.length} ended services could not be quarantined.`);
  return numbers;
}

/**
 * Where the PBX's service stands against its term's end, for the PBX page: running (to `endsAt`,
 * perhaps cancelled from then) or ended (with when its numbers leave, or left). Null without a
 * service. A PBX outside the actor's scope is NOT_FOUND.
 */
export async function serviceTerm(db: Db, actor: Actor, input: { pbxId: string }) {
  assertCan(actor, "pbx.view");
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: input.pbxId }] },
    select: {
      service: {
        select: {
          status: true,
          expiresAt: true,
          cancellationRequestedAt: true,
          endedAt: true,
          numbersQuarantinedAt: true,
        },
      },
    },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  const service = pbx.service;
  if (!service) return null;
  if (service.endedAt && (ENDED_STATUSES as readonly string[]).includes(service.status))
    return {
      state: "ENDED" as const,
      status: service.status,
      endedAt: service.endedAt,
      numbersKeptUntil: numbersKeptUntil(service.endedAt),
      numbersQuarantinedAt: service.numbersQuarantinedAt,
    };
  if (!(RUNNING_STATUSES as readonly string[]).includes(service.status)) return null;
  return { state: "RUNNING" as const, endsAt: service.expiresAt, cancelled: service.cancellationRequestedAt !== null };
}
export type ServiceTerm = NonNullable<Awaited<ReturnType<typeof serviceTerm>>>;
