import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { recordNumberChanges } from "./history";
import { ZRegisterNumbers } from "./schemas";
import { SITE_FIELDS } from "./site-snapshot";

/**
 * The operator's registration step (R13): a PENDING number's location is registered with the
 * emergency network (ACTIVE) or sent back with the reason (CHANGES_REQUIRED). Only PENDING numbers
 * move, and the update re-checks the status, so two admins acting at once cannot both decide.
 */
export async function registerNumbers(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "emergency.register");
  const { numberIds, decision, reason } = parseOrThrow(ZRegisterNumbers, input);
  const ids = [...new Set(numberIds)];
  return db.$transaction(async (tx) => {
    const numbers = await tx.phoneNumber.findMany({
      where: { id: { in: ids }, emergencyStatus: "PENDING" },
      select: { id: true, emergencyLocation: { select: SITE_FIELDS } },
    });
    if (numbers.length !== ids.length)
      throw new AppError("CONFLICT", "Some of these numbers are no longer waiting for registration: reload the queue.");
    const { count } = await tx.phoneNumber.updateMany({
      where: { id: { in: ids }, emergencyStatus: "PENDING" },
      data: {
        emergencyStatus: decision,
        emergencyStatusReason: decision === "CHANGES_REQUIRED" ? reason : null,
        emergencyStatusAt: now,
      },
    });
    if (count !== ids.length)
      throw new AppError("CONFLICT", "Someone else registered some of these numbers: reload the queue.");
    await recordNumberChanges(
      tx,
      actor,
      numbers.map((n) => ({
        phoneNumberId: n.id,
        oldLocation: n.emergencyLocation,
        newLocation: n.emergencyLocation,
        oldStatus: "PENDING",
        newStatus: decision,
        reason: decision === "CHANGES_REQUIRED" ? reason : null,
      })),
      now,
    );
    return { count };
  });
}

export const QUEUE_PAGE_SIZE = 50;

/** The operator's queue: PENDING numbers of every partner, oldest entry first, with the location to register. */
export async function registrationQueue(db: Db, actor: Actor, input: { page?: number } = {}) {
  assertCan(actor, "emergency.register");
  const where = { emergencyStatus: "PENDING" as const };
  const total = await db.phoneNumber.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(input.page ?? 1, pageCount);
  const numbers = await db.phoneNumber.findMany({
    where,
    orderBy: [{ emergencyStatusAt: "asc" }, { e164: "asc" }],
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: {
      id: true,
      e164: true,
      countryCode: true,
      emergencyStatusAt: true,
      partner: { select: { name: true } },
      pbx: { select: { name: true } },
      emergencyLocation: { select: { ...SITE_FIELDS, latitude: false, longitude: false } },
    },
  });
  return { numbers, total, page, pageCount };
}
export type QueueRow = Awaited<ReturnType<typeof registrationQueue>>["numbers"][number];
