import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { EmergencyStatus, Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/tickets/thread";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { siteSnapshot, type SiteRow } from "./site-snapshot";

export interface NumberChange {
  phoneNumberId: string;
  oldLocation: SiteRow | null;
  newLocation: SiteRow | null;
  oldStatus: EmergencyStatus;
  newStatus: EmergencyStatus;
  reason?: string | null;
}

/**
 * Appends one history row per number, in the transaction that made the change (`actor` null: a job
 * did it). Every status change passes here, so here each partner's systems hear of theirs (webhook
 * "emergency_location.status_changed", one event per partner and change).
 */
export async function recordNumberChanges(
  tx: Tx,
  actor: Pick<Actor, "userId"> | null,
  changes: NumberChange[],
  now: Date,
) {
  if (!changes.length) return;
  await tx.emergencyLocationChange.createMany({
    data: changes.map((c) => ({
      phoneNumberId: c.phoneNumberId,
      changedById: actor?.userId ?? null,
      changedAt: now,
      oldLocation: siteSnapshot(c.oldLocation),
      newLocation: siteSnapshot(c.newLocation),
      oldStatus: c.oldStatus,
      newStatus: c.newStatus,
      reason: c.reason ?? null,
    })) satisfies Prisma.EmergencyLocationChangeCreateManyInput[],
  });
  await emitStatusChanges(tx, changes, now);
}

async function emitStatusChanges(tx: Tx, changes: NumberChange[], now: Date) {
  const moved = new Map(changes.filter((c) => c.oldStatus !== c.newStatus).map((c) => [c.phoneNumberId, c]));
  if (!moved.size) return;
  const numbers = await tx.phoneNumber.findMany({
    where: { id: { in: [...moved.keys()] }, partnerId: { not: null } },
    orderBy: { e164: "asc" },
    select: { id: true, e164: true, partnerId: true, pbxId: true, emergencyLocationId: true },
  });
  for (const partnerId of new Set(numbers.map((n) => n.partnerId!))) {
    const own = numbers.filter((n) => n.partnerId === partnerId);
    const data = own.map(({ id, e164, pbxId, emergencyLocationId }) => {
      const { oldStatus, newStatus, reason } = moved.get(id)!;
      return {
        numberId: id,
        e164,
        pbxId,
        locationId: emergencyLocationId,
        previousStatus: oldStatus,
        status: newStatus,
        reason: reason ?? null,
      };
    });
    await emitWebhookEvent(
      tx,
      partnerId,
      "emergency_location.status_changed",
      { numbers: data, changedAt: now.toISOString() },
      now,
    );
  }
}

async function visibleNumber(db: Db, actor: Actor, numberId: string) {
  assertCan(actor, "emergency.view");
  const number = await db.phoneNumber.findFirst({
    where: { AND: [scope.phoneNumbers(actor), { id: numberId }] },
    select: { id: true, e164: true },
  });
  if (!number) throw new AppError("NOT_FOUND", "This number does not exist.");
  return number;
}

/** Every change of one number's emergency location and status, newest first, with who made it. */
export async function numberHistory(db: Db, actor: Actor, numberId: string) {
  const number = await visibleNumber(db, actor, numberId);
  const changes = await db.emergencyLocationChange.findMany({
    where: { phoneNumberId: number.id },
    orderBy: [{ changedAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      changedAt: true,
      oldLocation: true,
      newLocation: true,
      oldStatus: true,
      newStatus: true,
      reason: true,
      changedBy: { select: { name: true } },
    },
  });
  return { number, changes };
}

/** The location and status a number had at a moment (e.g. when a call was made): the newest change at or before it. */
export async function locationInForce(db: Db, actor: Actor, numberId: string, at: Date) {
  const number = await visibleNumber(db, actor, numberId);
  const change = await db.emergencyLocationChange.findFirst({
    where: { phoneNumberId: number.id, changedAt: { lte: at } },
    orderBy: [{ changedAt: "desc" }, { id: "desc" }],
    select: { newLocation: true, newStatus: true, changedAt: true },
  });
  return change
    ? { location: change.newLocation, status: change.newStatus, since: change.changedAt }
    : { location: null, status: "NO_LOCATION" as const, since: null };
}
