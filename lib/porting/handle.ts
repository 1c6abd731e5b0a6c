import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { parseOrThrow } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { notifyPartner } from "@/lib/notifications/notify";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { loadPortingRequest, portingPath } from "./load";
import { utcMinute, ZPortingStep, ZRejectPorting, ZSchedulePorting } from "./schemas";
import { transitionPortingRequest } from "./transition";

const pbxName = { pbx: { select: { name: true } } } as const;

/** An admin takes a request in hand, so the partner and other admins see it is being worked on. */
export async function startPortingRequest(db: Db, actor: Actor, input: unknown) {
  const { requestId, version } = parseOrThrow(ZPortingStep, input);
  return db.$transaction(async (tx) => {
    const request = await loadPortingRequest(tx, actor, requestId);
    await transitionPortingRequest(tx, actor, request, version, "start", {
      message: `${actor.name} took the request in hand.`,
    });
  });
}

/** Sets (or moves) the switch date and time and tells the partner in advance (R10). */
export async function schedulePortingRequest(db: Db, actor: Actor, input: unknown, now = new Date()) {
  const parsed = parseOrThrow(ZSchedulePorting, input);
  const { requestId, version } = parsed;
  const portingAt = utcMinute(parsed.portingAt);
  return db.$transaction(async (tx) => {
    const request = await loadPortingRequest(tx, actor, requestId, {
      ...pbxName,
      numbers: { select: { e164: true }, orderBy: { e164: "asc" } },
    });
    const when = formatDateTime(portingAt);
    const verb = request.status === "SCHEDULED" ? "Rescheduled" : "Scheduled";
    await transitionPortingRequest(tx, actor, request, version, "schedule", {
      message: `${verb} for ${when}.`,
      data: { portingAt },
      detail: { portingAt: portingAt.toISOString() },
    });
    await notifyPartner(tx, request.partnerId, {
      title: `Porting ${verb.toLowerCase()}`,
      body: `The numbers for PBX ${request.pbx.name} switch on ${when}. Outgoing calls can use them already; incoming calls arrive on CLASSOUND from then.`,
      event: "porting",
      link: portingPath(request.id, "partner"),
    });
    const numbers = request.numbers.map((n) => n.e164);
    const scheduled = { portingAt: portingAt.toISOString(), rescheduled: verb === "Rescheduled", numbers };
    const data = { id: request.id, pbxId: request.pbxId, status: "SCHEDULED", ...scheduled };
    await emitWebhookEvent(tx, request.partnerId, "porting.scheduled", data, now);
  });
}

/** Refuses the request with a reason the partner reads. Final. */
export async function rejectPortingRequest(db: Db, actor: Actor, input: unknown) {
  const { requestId, version, reason } = parseOrThrow(ZRejectPorting, input);
  return db.$transaction(async (tx) => {
    const request = await loadPortingRequest(tx, actor, requestId, pbxName);
    await transitionPortingRequest(tx, actor, request, version, "reject", {
      message: `Rejected: ${reason}`,
      data: { rejectionReason: reason },
      detail: { reason },
    });
    await notifyPartner(tx, request.partnerId, {
      title: "Porting request rejected",
      body: `The port-in to PBX ${request.pbx.name} was rejected: ${reason}`,
      event: "porting",
      link: portingPath(request.id, "partner"),
    });
  });
}

/** The partner withdraws its request before a date is set. */
export async function cancelPortingRequest(db: Db, actor: Actor, input: unknown) {
  const { requestId, version } = parseOrThrow(ZPortingStep, input);
  return db.$transaction(async (tx) => {
    const request = await loadPortingRequest(tx, actor, requestId);
    await transitionPortingRequest(tx, actor, request, version, "cancel", {
      message: `${actor.name} cancelled the request.`,
    });
  });
}
