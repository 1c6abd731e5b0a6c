import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { assignSite } from "@/lib/emergency/assign";
import { emergencyNumbersWhere } from "@/lib/emergency/numbers";
import { SITE_FIELDS } from "@/lib/emergency/site-snapshot";
import { AppError } from "@/lib/errors";
import { encodeCursor } from "../cursor";
import type { listEmergencyNumbersEndpoint, setEmergencyNumberEndpoint, ZApiEmergencyNumber } from "./emergency";
import { toApiSiteFields } from "./emergency-sites";

const SELECT = {
  id: true,
  e164: true,
  countryCode: true,
  pbxId: true,
  emergencyStatus: true,
  emergencyStatusReason: true,
  emergencyStatusAt: true,
  country: { select: { emergencyRegime: true } },
  emergencyLocation: { select: { ...SITE_FIELDS, customerId: true, createdAt: true, updatedAt: true } },
} satisfies Prisma.PhoneNumberSelect;

function toApiNumber(
  row: Prisma.PhoneNumberGetPayload<{ select: typeof SELECT }>,
): z.output<typeof ZApiEmergencyNumber> {
  return {
    id: row.id,
    e164: row.e164,
    countryCode: row.countryCode,
    // NEEDS_LOCATION selects only numbers on a PBX in a country with a regime.
    regime: row.country.emergencyRegime!,
    pbxId: row.pbxId!,
    status: row.emergencyStatus,
    statusReason: row.emergencyStatusReason,
    statusChangedAt: row.emergencyStatusAt?.toISOString() ?? null,
    site: row.emergencyLocation && toApiSiteFields(row.emergencyLocation),
  };
}

/**
 * The actor's numbers that need a location (the Emergency page's numbers list: its permission,
 * tenant scope and R13 filter), in number order.
 */
async function numberRows(db: Db, actor: Actor, where: Prisma.PhoneNumberWhereInput[], take: number) {
  assertCan(actor, "emergency.view");
  return db.phoneNumber.findMany({
    where: { AND: [emergencyNumbersWhere(actor, {}), ...where] },
    orderBy: { e164: "asc" },
    take,
    select: SELECT,
  });
}

export async function emergencyNumbersPage(
  db: Db,
  actor: Actor,
  query: z.output<NonNullable<typeof listEmergencyNumbersEndpoint.query>>,
) {
  const where = [emergencyNumbersWhere(actor, { pbxId: query.pbxId, q: query.q })];
  if (query.cursor) where.push({ e164: { gt: query.cursor[0] } });
  if (query.status) where.push({ emergencyStatus: { in: query.status } });
  const rows = await numberRows(db, actor, where, query.limit + 1);
  const data = rows.slice(0, query.limit);
  return {
    next: rows.length > query.limit ? encodeCursor([data[data.length - 1]!.e164]) : null,
    data: data.map(toApiNumber),
  };
}

/** One number that needs a location; another tenant's, or one that needs none, is NOT_FOUND. */
export async function apiEmergencyNumber(db: Db, actor: Actor, id: string) {
  const [row] = await numberRows(db, actor, [{ id }], 1);
  if (!row) throw new AppError("NOT_FOUND", "This number does not exist or needs no emergency location.");
  return toApiNumber(row);
}

/**
 * Through the portal's bulk assignment with this one number. Its refusals name the chosen numbers;
 * with one number in the path, what is wrong is the site chosen for it, so they are told beside `siteId`.
 */
export async function setApiEmergencyNumber(
  db: Db,
  actor: Actor,
  id: string,
  body: z.output<NonNullable<typeof setEmergencyNumberEndpoint.body>>,
  now: Date,
) {
  await apiEmergencyNumber(db, actor, id);
  try {
    await assignSite(db, actor, { siteId: body.siteId, numberIds: [id] }, now);
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "FORBIDDEN") throw error;
    throw new AppError(error.code, error.message, { siteId: error.fieldErrors?.numberIds ?? [error.message] });
  }
  return apiEmergencyNumber(db, actor, id);
}
