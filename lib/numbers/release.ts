import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { detachNumbers } from "@/lib/emergency/assign";
import { Prisma } from "@/lib/db/generated/client";
import type { Tx } from "@/lib/tickets/thread";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZReleaseNumber } from "./schemas";

const DAY_MS = 86_400_000;

/**
 * Gives a number back: it rests in QUARANTINE for NUMBER_QUARANTINE_DAYS before anyone can order it
 * again (so calls meant for the old owner die out), through `quarantineNumbers` below.
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
    const [moved] = await quarantineNumbers(
      tx,
      { numberId: number.id },
      { actorId: actor.userId, now, quarantineDays },
    );
    if (!moved) throw new AppError("CONFLICT", "This number changed meanwhile; reload the page.");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "numbers.released",
      entityType: "PhoneNumber",
      entityId: number.id,
      detail: { e164: number.e164, pbxId: number.pbxId },
    });
    return { e164: number.e164, quarantineUntil: moved.quarantineUntil.toISOString() };
  });
}

/** Which numbers leave their PBX: one (a release) or every ASSIGNED number of a PBX (its service ended). */
export type NumbersLeaving = { numberId: string } | { pbxId: string };

/**
 * The one path from ASSIGNED to QUARANTINE, in a fixed number of statements however many numbers
 * leave (a PBX can hold thousands): the numbers are locked, the PBX's default caller number is
 * cleared first (the composite foreign key would refuse the move otherwise, R11), they leave their
 * emergency sites (R13), and each gets its RELEASED and QUARANTINED events. `actorId` is null for a
 * job. Returns the numbers moved; runs in the caller's transaction.
 */
export async function quarantineNumbers(
  tx: Tx,
  which: NumbersLeaving,
  who: { actorId: string | null; now: Date; quarantineDays: number },
) {
  const { actorId, now } = who;
  const match = "numberId" in which ? Prisma.sql`"id" = ${which.numberId}` : Prisma.sql`"pbxId" = ${which.pbxId}`;
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "PhoneNumber" WHERE ${match} AND "status" = 'ASSIGNED' ORDER BY "id" FOR UPDATE`;
  if (!locked.length) return [];
  const ids = locked.map((n) => n.id);
  await tx.$executeRaw`
    UPDATE "ClassoundService" SET "defaultCallerNumberId" = NULL, "updatedAt" = ${now}
    WHERE "defaultCallerNumberId" = ANY(${ids}::text[])`;
  await detachNumbers(
    tx,
    actorId ? { userId: actorId } : null,
    "numberId" in which ? { id: which.numberId } : { pbxId: which.pbxId, status: "ASSIGNED" },
    now,
  );
  const quarantineUntil = new Date(now.getTime() + who.quarantineDays * DAY_MS);
  const detail = `until ${quarantineUntil.toISOString().slice(0, 10)}`;
  const moved = await tx.$queryRaw<{ id: string; e164: string }[]>`
    WITH old AS (
      SELECT "id", "partnerId", "pbxId" FROM "PhoneNumber" WHERE "id" = ANY(${ids}::text[]) AND "status" = 'ASSIGNED'
    ), moved AS (
      UPDATE "PhoneNumber" n
      SET "status" = 'QUARANTINE', "quarantineUntil" = ${quarantineUntil}, "partnerId" = NULL, "pbxId" = NULL,
          "orderBlockId" = NULL, "cnam" = NULL, "assignedAt" = NULL, "updatedAt" = ${now}
      FROM old WHERE n."id" = old."id"
      RETURNING n."id", n."e164", old."partnerId", old."pbxId"
    ), events AS (
      INSERT INTO "PhoneNumberEvent" ("id", "phoneNumberId", "kind", "actorId", "partnerId", "pbxId", "detail", "createdAt")
      SELECT 'c' || replace(gen_random_uuid()::text, '-', ''), m."id", k."kind"::"PhoneNumberEventKind", ${actorId},
             m."partnerId", m."pbxId", CASE WHEN k."kind" = 'QUARANTINED' THEN ${detail} END, ${now}
      FROM moved m CROSS JOIN (VALUES ('RELEASED'), ('QUARANTINED')) AS k("kind")
    )
    SELECT "id", "e164" FROM moved ORDER BY "e164"`;
  return moved.map((n) => ({ ...n, quarantineUntil }));
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
