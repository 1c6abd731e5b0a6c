import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { NEEDS_LOCATION } from "@/lib/emergency/numbers";
import { AppError } from "@/lib/errors";
import { formatCount } from "@/lib/format";

/** The PBX hub's tabs, in order; each is its own route under /pbxs/[id]. */
export const PBX_TABS = ["overview", "licence", "numbers", "emergency", "usage", "support", "sms", "api-keys"] as const;
export type PbxTab = (typeof PBX_TABS)[number];

/*
 * The hub's layout and the tab page under it both ask for the heading and the counts while one request
 * renders: React's cache (one server request long, keyed by the same db, actor and id) answers the second
 * ask from the first, and outside a server render it calls through.
 */

/** A PBX's name, serial and customer, within the actor's scope (another tenant's PBX is NOT_FOUND). */
export const pbxHeading = cache(async function pbxHeading(db: Db, actor: Actor, pbxId: string) {
  assertCan(actor, "pbx.view");
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: pbxId }] },
    select: { id: true, name: true, serial: true, customer: { select: { name: true } } },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  return pbx;
});

/**
 * The counts the hub shows on its tabs and its overview, each null where the actor may not see it: a
 * few cheap counts within the actor's scope (the caller has checked the PBX is in it).
 */
export const pbxHubCounts = cache(async function pbxHubCounts(db: Db, actor: Actor, pbxId: string) {
  const numbers = { AND: [scope.phoneNumbers(actor), { pbxId }] };
  const [numberCount, missingLocations, openTickets, apiKeys] = await Promise.all([
    can(actor, "numbers.view") ? db.phoneNumber.count({ where: numbers }) : null,
    can(actor, "emergency.view")
      ? db.phoneNumber.count({
          where: { AND: [numbers, NEEDS_LOCATION, { emergencyStatus: { in: ["NO_LOCATION", "CHANGES_REQUIRED"] } }] },
        })
      : null,
    can(actor, "tickets.use")
      ? db.ticket.count({
          where: { AND: [scope.tickets(actor), { pbxId, status: { notIn: ["CLOSED", "RESOLVED"] } }] },
        })
      : null,
    can(actor, "pbx.api_keys") ? db.apiKey.count({ where: { kind: "PBX", pbxId, revokedAt: null } }) : null,
  ]);
  return { numbers: numberCount, missingLocations, openTickets, apiKeys };
});

/**
 * What every tab of the PBX hub shows above its own content: the PBX's name and customer, and the
 * counts on the tabs the actor may open (`pbxHubCounts`; each tab loads its own data itself).
 * Another tenant's PBX is NOT_FOUND, like a missing one.
 */
export async function pbxHubHeader(db: Db, actor: Actor, pbxId: string) {
  const pbx = await pbxHeading(db, actor, pbxId);
  const { numbers: numberCount, missingLocations, openTickets, apiKeys } = await pbxHubCounts(db, actor, pbxId);
  // `title` says what the count counts, for the tab's tooltip and screen readers.
  const tabs: { tab: PbxTab; label: string; count?: number; title?: string; attention?: boolean }[] = [
    { tab: "overview", label: "Overview" },
    { tab: "licence", label: "Licence" },
    ...(numberCount === null
      ? []
      : [{ tab: "numbers" as const, label: "Numbers", count: numberCount, title: formatCount(numberCount, "number") }]),
    ...(missingLocations === null
      ? []
      : [
          {
            tab: "emergency" as const,
            label: "Emergency",
            count: missingLocations,
            title: `${formatCount(missingLocations, "number")} missing a location`,
            attention: missingLocations > 0,
          },
        ]),
    ...(can(actor, "statistics.view") ? [{ tab: "usage" as const, label: "Usage & statistics" }] : []),
    ...(openTickets === null
      ? []
      : [
          {
            tab: "support" as const,
            label: "Support",
            count: openTickets,
            title: formatCount(openTickets, "open ticket"),
          },
        ]),
    { tab: "sms", label: "SMS" },
    ...(apiKeys === null
      ? []
      : [{ tab: "api-keys" as const, label: "API keys", count: apiKeys, title: formatCount(apiKeys, "active key") }]),
  ];
  return { pbx, tabs };
}
