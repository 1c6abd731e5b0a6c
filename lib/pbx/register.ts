import type { Actor } from "@/lib/auth/actor";
import { assertCan, assertCanChange, can, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { lockOpenCustomer } from "@/lib/customers/archive";
import type { Db } from "@/lib/db/client";
import { containsText } from "@/lib/db/contains-text";
import { Prisma } from "@/lib/db/generated/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZId } from "@/lib/http/ids";
import { dayLabelIn } from "@/lib/cdr/statistics/day-labels";
import { dayInstant, dayOf, LEVEL_TYPE, LICENCE_LEVELS, totalUsers, ZRegisterPbx, type TRegisterPbx } from "./schemas";

type Tx = Prisma.TransactionClient;

/** What a form says beside the serial when another PBX already has it (serials are unique across partners). */
export const SERIAL_TAKEN = "A PBX with this serial is already registered.";

export const isSerialTaken = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  error.code === "P2002" &&
  JSON.stringify(error.meta ?? {}).includes("serial");

/** The licence a REGISTERED event records, so the history shows what the PBX started with. */
export function registeredDetail(pbx: TRegisterPbx, source: "form" | "csv") {
  return {
    source,
    serial: pbx.serial,
    name: pbx.name,
    licensing: pbx.licensing,
    licensePlan: pbx.licensePlan,
    termStart: pbx.termStart,
    termEnd: pbx.termEnd || null,
    users: Object.fromEntries(LICENCE_LEVELS.map((level) => [level, pbx[level]])),
    totalUsers: totalUsers(pbx),
    softwareVersion: pbx.softwareVersion,
  };
}

/**
 * Stores checked PBXs with their user licences and REGISTERED events in the caller's transaction: a
 * handful of statements whatever the count (an import's 2,000 rows stay within one transaction's time).
 * A serial taken meanwhile fails on the unique index (`isSerialTaken`), never on a check read earlier.
 */
export async function storePbxs(
  tx: Tx,
  actor: Actor,
  pbxs: TRegisterPbx[],
  source: "form" | "csv",
  now: Date,
): Promise<{ id: string; serial: string }[]> {
  const created = await tx.pbx.createManyAndReturn({
    data: pbxs.map((pbx) => ({
      serial: pbx.serial,
      name: pbx.name,
      customerId: pbx.customerId,
      licensing: pbx.licensing,
      licensePlan: pbx.licensePlan,
      termStart: dayInstant(pbx.termStart),
      termExpiry: pbx.licensePlan === "LIFETIME" || !pbx.termEnd ? null : dayInstant(pbx.termEnd),
      softwareVersion: pbx.softwareVersion,
    })),
    select: { id: true, serial: true },
  });
  const idOf = new Map(created.map((row) => [row.serial, row.id]));
  await tx.pbxLicense.createMany({
    data: pbxs.flatMap((pbx) =>
      LICENCE_LEVELS.filter((level) => pbx[level] > 0).map((level) => ({
        pbxId: idOf.get(pbx.serial)!,
        type: LEVEL_TYPE[level],
        quantity: pbx[level],
      })),
    ),
  });
  await tx.pbxLicenseEvent.createMany({
    data: pbxs.map((pbx) => ({
      pbxId: idOf.get(pbx.serial)!,
      kind: "REGISTERED" as const,
      effectiveAt: now,
      detail: registeredDetail(pbx, source),
      actorId: actor.userId,
    })),
  });
  return created;
}

/**
 * Registers a PBX for a customer the actor may see (a partner its own, an admin any partner's), not
 * archived. Another partner's customer is NOT_FOUND, beside the customer field like every refusal
 * here; a serial already registered is refused beside the serial. Nothing is stored unless all of it is.
 */
export async function registerPbx(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCanChange(actor, "pbx.manage");
  const pbx = parseOrThrow(ZRegisterPbx, input);
  try {
    return await db.$transaction(async (tx) => {
      await lockOpenCustomer(tx, actor, pbx.customerId).catch((error: unknown) => {
        if (error instanceof AppError) throw new AppError(error.code, error.message, { customerId: [error.message] });
        throw error;
      });
      const [created] = await storePbxs(tx, actor, [pbx], "form", now);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "pbx.registered",
        entityType: "Pbx",
        entityId: created!.id,
        detail: registeredDetail(pbx, "form"),
      });
      return { ...created!, customerId: pbx.customerId };
    });
  } catch (error) {
    if (isSerialTaken(error)) throw new AppError("CONFLICT", SERIAL_TAKEN, { serial: [SERIAL_TAKEN] });
    throw error;
  }
}

// ─── The customer picker ─────────────────────────────────────────────────────

/** How many customers a picker lists at once: more is a longer search, not a longer list. */
export const CUSTOMER_PICK_LIMIT = 20;

export interface CustomerOption {
  id: string;
  name: string;
  /** For an admin, whose customers belong to many partners. */
  partnerName: string | null;
}

const notArchived = { archivedAt: null };

function toOption(actor: Actor, customer: { id: string; name: string; partner: { name: string } }): CustomerOption {
  return {
    id: customer.id,
    name: customer.name,
    partnerName: can(actor, "partners.view_all") ? customer.partner.name : null,
  };
}

/**
 * The customers a PBX can be registered for, found on the server by any part of their name (or their
 * id, pasted): the actor's own, not archived, a page at a time with the total so the picker says
 * when to type more.
 */
export async function searchCustomersForPbx(db: Db, actor: Actor, input: { q?: string }) {
  assertCan(actor, "pbx.manage");
  const q = input.q?.trim();
  const where: Prisma.CustomerWhereInput = {
    AND: [
      scope.customers(actor),
      notArchived,
      q ? { OR: [{ name: containsText(q) }, ...(ZId.safeParse(q).success ? [{ id: q }] : [])] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.customer.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: CUSTOMER_PICK_LIMIT,
      select: { id: true, name: true, partner: { select: { name: true } } },
    }),
    db.customer.count({ where }),
  ]);
  return { rows: rows.map((row) => toOption(actor, row)), total };
}

/** The customer a link preselects (`/pbxs/new?customerId=…`), or null when the actor cannot register for it. */
export async function customerForPbx(db: Db, actor: Actor, customerId: string): Promise<CustomerOption | null> {
  assertCan(actor, "pbx.manage");
  const customer = await db.customer.findFirst({
    where: { AND: [scope.customers(actor), notArchived, { id: customerId }] },
    select: { id: true, name: true, partner: { select: { name: true } } },
  });
  return customer && toOption(actor, customer);
}

/** Today as the date inputs of the form take it: the partner's calendar day (R3), UTC's for an admin. */
export async function registrationToday(db: Db, actor: Actor, now = new Date()) {
  const partner = actor.partnerId
    ? await db.partner.findUnique({ where: { id: actor.partnerId }, select: { timeZone: true } })
    : null;
  return dayOf(dayLabelIn(now, partner?.timeZone ?? "UTC"));
}
