import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Tx } from "@/lib/tickets/thread";
import { recordNumberChanges } from "./history";
import { ALL_MATCHING_MAX } from "@/lib/numbers/picker-schemas";
import { emergencyNumbersWhere } from "./numbers";
import { ZAssignSite, type TEmergencyNumbersMatching } from "./schemas";
import { SITE_FIELDS, type SiteRow } from "./site-snapshot";
import { locationCountryProblem } from "./validation/number-country";

type Site = SiteRow & { customerId: string };

export async function loadOwnSite(tx: Tx, actor: Actor, siteId: string): Promise<Site> {
  const site = await tx.emergencyLocation.findFirst({
    where: { AND: [scope.emergencyLocations(actor), { id: siteId }] },
    select: { ...SITE_FIELDS, customerId: true },
  });
  if (!site) throw new AppError("NOT_FOUND", "This site does not exist.");
  return site;
}

/**
 * Points numbers at a site, each then awaiting the operator's registration (PENDING). Every number
 * must be the actor's, on a PBX of the site's customer, and in the site's country (R13). Numbers
 * already at the site are left as they are. Runs in the caller's transaction, so a CSV row or a bulk
 * assignment is stored whole or not at all.
 */
export async function assignInTx(tx: Tx, actor: Actor, site: Site, numberIds: string[], now: Date) {
  const ids = [...new Set(numberIds)];
  const numbers = await tx.phoneNumber.findMany({
    where: { AND: [scope.phoneNumbers(actor), { id: { in: ids } }] },
    select: {
      id: true,
      e164: true,
      countryCode: true,
      emergencyStatus: true,
      pbx: { select: { customerId: true } },
      emergencyLocation: { select: SITE_FIELDS },
    },
  });
  if (numbers.length !== ids.length) throw new AppError("NOT_FOUND", "A chosen number does not exist.");
  const problems = numbers.flatMap((n) => {
    if (n.pbx?.customerId !== site.customerId) return [`${n.e164} is not a number of this site's customer`];
    const problem = locationCountryProblem(n, site.countryCode);
    return problem ? [problem] : [];
  });
  if (problems.length) throw new AppError("INVALID", problems[0]!, { numberIds: problems });
  const moving = numbers.filter((n) => n.emergencyLocation?.id !== site.id);
  await tx.phoneNumber.updateMany({
    where: { id: { in: moving.map((n) => n.id) } },
    data: {
      emergencyLocationId: site.id,
      emergencyStatus: "PENDING",
      emergencyStatusReason: null,
      emergencyStatusAt: now,
    },
  });
  await recordNumberChanges(
    tx,
    actor,
    moving.map((n) => ({
      phoneNumberId: n.id,
      oldLocation: n.emergencyLocation,
      newLocation: site,
      oldStatus: n.emergencyStatus,
      newStatus: "PENDING",
    })),
    now,
  );
  return { assigned: moving.length, unchanged: numbers.length - moving.length };
}

/**
 * Bulk assignment from the numbers list: one site to many numbers at once, chosen one by one or as
 * "every number matching the filters" (resolved here, among the site's customer's numbers of its country).
 */
export async function assignSite(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCanChange(actor, "emergency.edit");
  const { siteId, numberIds, matching } = parseOrThrow(ZAssignSite, input);
  return db.$transaction(async (tx) => {
    const site = await loadOwnSite(tx, actor, siteId);
    const matched = matching ? await matchingNumberIds(tx, actor, site, matching) : [];
    if (matching && !matched.length)
      throw new AppError("INVALID", "No number of this site's customer matches the filters.", {
        numberIds: ["No number of this site's customer matches the filters."],
      });
    const result = await assignInTx(tx, actor, site, [...numberIds, ...matched], now);
    // Each number's move is in its emergency history; the log keeps who did it, and how many.
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "emergency.location_assigned",
      entityType: "EmergencyLocation",
      entityId: site.id,
      detail: { numbers: result.assigned, unchanged: result.unchanged },
    });
    return result;
  });
}

async function matchingNumberIds(tx: Tx, actor: Actor, site: Site, matching: TEmergencyNumbersMatching) {
  const rows = await tx.phoneNumber.findMany({
    where: {
      AND: [
        emergencyNumbersWhere(actor, matching),
        { pbx: { customerId: site.customerId }, countryCode: site.countryCode },
      ],
    },
    take: ALL_MATCHING_MAX + 1,
    select: { id: true },
  });
  if (rows.length > ALL_MATCHING_MAX)
    throw new AppError("INVALID", `More than ${ALL_MATCHING_MAX} numbers match: narrow the filters or import a CSV.`);
  return rows.map((r) => r.id);
}

/**
 * Numbers leaving their PBX (released, or quarantined after their service ended) leave their site,
 * so the customer's address never follows a number to its next owner (R13); the site stays for the
 * customer's other numbers, and the history records each move. Set-based, however many numbers
 * match: one read, one update, the history rows in one insert. `actor` is null when a job does it.
 */
export async function detachNumbers(
  tx: Tx,
  actor: Pick<Actor, "userId"> | null,
  numbers: Prisma.PhoneNumberWhereInput,
  now: Date,
) {
  const where = {
    AND: [
      numbers,
      { OR: [{ emergencyLocationId: { not: null } }, { emergencyStatus: { not: "NO_LOCATION" as const } }] },
    ],
  };
  const located = await tx.phoneNumber.findMany({
    where,
    select: { id: true, emergencyStatus: true, emergencyLocation: { select: SITE_FIELDS } },
  });
  if (!located.length) return;
  await tx.phoneNumber.updateMany({
    where,
    data: {
      emergencyLocationId: null,
      emergencyStatus: "NO_LOCATION",
      emergencyStatusReason: null,
      emergencyStatusAt: now,
    },
  });
  await recordNumberChanges(
    tx,
    actor,
    located.map((number) => ({
      phoneNumberId: number.id,
      oldLocation: number.emergencyLocation,
      newLocation: null,
      oldStatus: number.emergencyStatus,
      newStatus: "NO_LOCATION",
      reason: "Number released",
    })),
    now,
  );
}
