import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZId } from "@/lib/http/ids";
import type { Tx } from "@/lib/tickets/thread";
import { RUNNING_STATUSES } from "./service-status";

/** The one argument of cancelling and of withdrawing a cancellation: the PBX whose service it is. */
export const ZServiceTerm = z.object({ pbxId: ZId });
export type TServiceTerm = z.infer<typeof ZServiceTerm>;

/** The PBX's service if it is still running before its term's end; a PBX outside the actor's scope is NOT_FOUND. */
async function runningService(tx: Tx, actor: Actor, pbxId: string, now: Date) {
  const pbx = await tx.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: pbxId }] },
    select: {
      service: { select: { id: true, status: true, expiresAt: true, endedAt: true, cancellationRequestedAt: true } },
    },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  const { service } = pbx;
  if (!service || service.endedAt || !(RUNNING_STATUSES as readonly string[]).includes(service.status))
    throw new AppError("CONFLICT", "CLASSOUND is not running on this PBX.");
  if (service.expiresAt <= now) throw new AppError("CONFLICT", "This service has already reached the end of its term.");
  return service;
}

/**
 * The partner cancels CLASSOUND on a PBX, effective at the end of its term (R3): the service runs,
 * and is paid, until `expiresAt`, when the term-end job ends it as CANCELLED; nothing is refunded.
 * Cancelling a service already cancelled changes nothing (a second click, a second tab).
 */
export async function cancelServiceAtTermEnd(db: Db, actor: Actor, raw: TServiceTerm, now = new Date()) {
  assertCanChange(actor, "pbx.manage");
  const { pbxId } = parseOrThrow(ZServiceTerm, raw);
  return db.$transaction(async (tx) => {
    const service = await runningService(tx, actor, pbxId, now);
    if (service.cancellationRequestedAt) return { endsAt: service.expiresAt };
    // The condition, not the read above, decides between two requests at once.
    const { count } = await tx.classoundService.updateMany({
      where: { id: service.id, cancellationRequestedAt: null, endedAt: null },
      data: { cancellationRequestedAt: now },
    });
    if (!count) return { endsAt: service.expiresAt };
    const detail = { endsAt: service.expiresAt.toISOString(), refunded: "nothing" };
    await tx.pbxLicenseEvent.create({
      data: {
        pbxId,
        kind: "SERVICE_CANCELLATION_REQUESTED",
        effectiveAt: service.expiresAt,
        detail,
        actorId: actor.userId,
      },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "pbx.service_cancellation_requested",
      entityType: "Pbx",
      entityId: pbxId,
      detail,
    });
    return { endsAt: service.expiresAt };
  });
}

/** Takes a cancellation back before the term's end: the service runs on, to be renewed like any other. */
export async function withdrawCancellation(db: Db, actor: Actor, raw: TServiceTerm, now = new Date()) {
  assertCanChange(actor, "pbx.manage");
  const { pbxId } = parseOrThrow(ZServiceTerm, raw);
  return db.$transaction(async (tx) => {
    const service = await runningService(tx, actor, pbxId, now);
    if (!service.cancellationRequestedAt) return { endsAt: service.expiresAt };
    const { count } = await tx.classoundService.updateMany({
      where: { id: service.id, cancellationRequestedAt: { not: null }, endedAt: null },
      data: { cancellationRequestedAt: null },
    });
    if (!count) return { endsAt: service.expiresAt };
    const detail = {
      endsAt: service.expiresAt.toISOString(),
      cancelledAt: service.cancellationRequestedAt.toISOString(),
    };
    await tx.pbxLicenseEvent.create({
      data: { pbxId, kind: "SERVICE_CANCELLATION_WITHDRAWN", effectiveAt: now, detail, actorId: actor.userId },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "pbx.service_cancellation_withdrawn",
      entityType: "Pbx",
      entityId: pbxId,
      detail,
    });
    return { endsAt: service.expiresAt };
  });
}
