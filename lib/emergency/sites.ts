import type { Actor } from "@/lib/auth/actor";
import { assertCan, assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import type { Tx } from "@/lib/tickets/thread";
import { loadOwnSite } from "./assign";
import { recordNumberChanges } from "./history";
import { ZCreateSite, ZUpdateSite } from "./schemas";
import { sameLocation, SITE_FIELDS } from "./site-snapshot";
import { locationCountryProblem } from "./validation/number-country";
import type { TSite } from "./validation/site-schema";

/** A unique-name violation as the refusal it is (two imports or forms creating one name at once). */
export const nameTaken = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"
    ? new AppError("CONFLICT", "This customer already has a site with this name.", {
        name: ["This customer already has a site with this name"],
      })
    : error;

const columns = (site: TSite) => ({
  ...site,
  region: site.region ?? null,
  building: site.building ?? null,
  floor: site.floor ?? null,
  room: site.room ?? null,
  latitude: site.latitude ?? null,
  longitude: site.longitude ?? null,
  callbackNumber: site.callbackNumber ?? null,
});

export async function createSiteInTx(tx: Tx, actor: Actor, customerId: string, site: TSite) {
  const customer = await tx.customer.findFirst({
    where: { AND: [scope.customers(actor), { id: customerId }] },
    select: { id: true, partnerId: true },
  });
  if (!customer)
    throw new AppError("NOT_FOUND", "This customer does not exist.", { customerId: ["This customer does not exist."] });
  return tx.emergencyLocation.create({
    data: { ...columns(site), partnerId: customer.partnerId, customerId: customer.id, updatedById: actor.userId },
    select: { ...SITE_FIELDS, customerId: true },
  });
}

/** A site of one of the actor's customers (an end user: of its own customer). */
export async function createSite(db: Db, actor: Actor, input: unknown) {
  assertCanChange(actor, "emergency.edit");
  const { customerId, site } = parseOrThrow(ZCreateSite, input);
  try {
    return await db.$transaction(async (tx) => {
      const created = await createSiteInTx(tx, actor, customerId, site);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "emergency.site_created",
        entityType: "EmergencyLocation",
        entityId: created.id,
        detail: { name: created.name, customerId },
      });
      return created;
    });
  } catch (error) {
    throw nameTaken(error);
  }
}

/**
 * Changes a site. When what reaches the answering point changes, every number at the site needs
 * registering again (PENDING) and its history gets the old and new location.
 */
export async function updateSite(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCanChange(actor, "emergency.edit");
  const { siteId, site } = parseOrThrow(ZUpdateSite, input);
  try {
    return await db.$transaction(async (tx) => {
      const before = await loadOwnSite(tx, actor, siteId);
      const numbers = await tx.phoneNumber.findMany({
        where: { emergencyLocationId: before.id },
        select: { id: true, e164: true, countryCode: true, emergencyStatus: true },
      });
      const problem = numbers.map((n) => locationCountryProblem(n, site.countryCode)).find(Boolean);
      if (problem) throw new AppError("INVALID", problem, { countryCode: [problem] });
      const after = await tx.emergencyLocation.update({
        where: { id: before.id },
        data: { ...columns(site), updatedById: actor.userId },
        select: { ...SITE_FIELDS, customerId: true },
      });
      const moved = !sameLocation(before, after);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "emergency.site_updated",
        entityType: "EmergencyLocation",
        entityId: after.id,
        detail: { name: after.name, reregistered: moved ? numbers.length : 0 },
      });
      if (moved) {
        await tx.phoneNumber.updateMany({
          where: { emergencyLocationId: after.id },
          data: { emergencyStatus: "PENDING", emergencyStatusReason: null, emergencyStatusAt: now },
        });
        await recordNumberChanges(
          tx,
          actor,
          numbers.map((n) => ({
            phoneNumberId: n.id,
            oldLocation: before,
            newLocation: after,
            oldStatus: n.emergencyStatus,
            newStatus: "PENDING",
          })),
          now,
        );
      }
      return after;
    });
  } catch (error) {
    throw nameTaken(error);
  }
}

/** The actor's sites with how many numbers use each. */
export async function listSites(db: Db, actor: Actor, filter: { customerId?: string } = {}) {
  assertCan(actor, "emergency.view");
  const sites = await db.emergencyLocation.findMany({
    where: { AND: [scope.emergencyLocations(actor), filter.customerId ? { customerId: filter.customerId } : {}] },
    orderBy: [{ customer: { name: "asc" } }, { name: "asc" }],
    take: 500,
    select: {
      ...SITE_FIELDS,
      customer: { select: { id: true, name: true } },
      _count: { select: { phoneNumbers: true } },
    },
  });
  return sites.map(({ _count, latitude, longitude, ...site }) => ({
    ...site,
    latitude: latitude?.toFixed(6) ?? null,
    longitude: longitude?.toFixed(6) ?? null,
    numberCount: _count.phoneNumbers,
  }));
}
export type SiteListRow = Awaited<ReturnType<typeof listSites>>[number];
