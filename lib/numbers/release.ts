import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { detachNumber } from "@/lib/emergency/assign";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZReleaseNumber } from "./schemas";

const DAY_MS = 86_400_000;

/**
 * Gives a number back: it rests in QUARANTINE for NUMBER_QUARANTINE_DAYS before anyone can order it
 * again (so calls meant for the old owner die out). If it was the PBX's default caller number (R11)
 * the default is cleared first: the foreign key would refuse the move otherwise.
 */
export async function releaseNumber(
  db: Db,
  actor: Actor,
  raw: { numberId: string },
  now = new Date(),
  quarantineDays = readRuntimeEnv().NUMBER_QUARANTINE_DAYS,
) {
  assertCanChange(actor, "numbers.manage");
  const { numberId } = parseOrThrow(ZReleaseNumber, raw);
  return db.$transaction(async (tx) => {
    const number = await tx.phoneNumber.findFirst({
      where: { AND: [scope.phoneNumbers(actor), { id: numberId }] },
      select: { id: true, e164: true, status: true, pbxId: true, partnerId: true },
    });
    if (!number) throw new AppError("NOT_FOUND", "This number does not exist.");
    if (number.status !== "ASSIGNED") throw new AppError("CONFLICT", "Only a number in use on a PBX can be released.");
    await tx.classoundService.updateMany({
      where: { defaultCallerNumberId: number.id },
      data: { defaultCallerNumberId: null },
    });
    // The customer's address must not follow the number to its next owner (R13).
    await detachNumber(tx, actor, number.id, now);
    const quarantineUntil = new Date(now.getTime() + quarantineDays * DAY_MS);
    const { count } = await tx.phoneNumber.updateMany({
      where: { id: number.id, status: "ASSIGNED" },
      data: {
        status: "QUARANTINE",
        quarantineUntil,
        partnerId: null,
        pbxId: null,
        orderBlockId: null,
        cnam: null,
        assignedAt: null,
      },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This number changed meanwhile; reload the page.");
    const who = { actorId: actor.userId, partnerId: number.partnerId, pbxId: number.pbxId, createdAt: now };
    await tx.phoneNumberEvent.createMany({
      data: [
        { phoneNumberId: number.id, kind: "RELEASED", ...who },
        {
          phoneNumberId: number.id,
          kind: "QUARANTINED",
          ...who,
          detail: `until ${quarantineUntil.toISOString().slice(0, 10)}`,
        },
      ],
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "numbers.released",
      entityType: "PhoneNumber",
      entityId: number.id,
      detail: { e164: number.e164, pbxId: number.pbxId },
    });
    return { e164: number.e164, quarantineUntil: quarantineUntil.toISOString() };
  });
}

/** Quarantine over: the numbers are AVAILABLE again (a job; every tenant). */
export async function unsafeEndQuarantine(db: Db, now: Date) {
  return db.$transaction(async (tx) => {
    const ended = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "PhoneNumber" SET "status" = 'AVAILABLE', "quarantineUntil" = NULL, "updatedAt" = ${now}
      WHERE "status" = 'QUARANTINE' AND "quarantineUntil" <= ${now} RETURNING "id"`;
    await tx.phoneNumberEvent.createMany({
      data: ended.map(({ id }) => ({ phoneNumberId: id, kind: "AVAILABLE_AGAIN" as const, createdAt: now })),
    });
    return ended.length;
  });
}
