import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { EmergencyStatus, Prisma } from "@/lib/db/generated/client";
import { EMERGENCY_STATUSES } from "./schemas";

/**
 * R13: the numbers that need an emergency location: on a PBX, in a country with E112 or E911.
 * FreePhone numbers only receive calls, so they never call the emergency services.
 */
export const NEEDS_LOCATION: Prisma.PhoneNumberWhereInput = {
  pbxId: { not: null },
  type: { not: "FREEPHONE" },
  country: { emergencyRegime: { not: null } },
};

export const NUMBERS_PAGE_SIZE = 50;

/** R13 right after an order, not weeks later: how many of the order's numbers still need a location. */
export async function orderNumbersWithoutLocation(db: Db, actor: Actor, orderId: string) {
  assertCan(actor, "emergency.view");
  return db.phoneNumber.count({
    where: {
      AND: [
        scope.phoneNumbers(actor),
        NEEDS_LOCATION,
        { orderBlock: { orderId } },
        { emergencyStatus: { in: ["NO_LOCATION", "CHANGES_REQUIRED"] } },
      ],
    },
  });
}

export type StatusCounts = Record<EmergencyStatus, number>;

export function statusCounts(groups: { emergencyStatus: EmergencyStatus; _count: { _all: number } }[]): StatusCounts {
  const counts = Object.fromEntries(EMERGENCY_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const g of groups) counts[g.emergencyStatus] += g._count._all;
  return counts;
}

/** The actor's numbers that need a location, filtered by PBX and status, a page at a time. */
export async function listEmergencyNumbers(
  db: Db,
  actor: Actor,
  input: { pbxId?: string; status?: EmergencyStatus; page?: number; pageSize?: number },
) {
  assertCan(actor, "emergency.view");
  const pageSize = input.pageSize ?? NUMBERS_PAGE_SIZE;
  const base: Prisma.PhoneNumberWhereInput = {
    AND: [scope.phoneNumbers(actor), NEEDS_LOCATION, input.pbxId ? { pbxId: input.pbxId } : {}],
  };
  const where: Prisma.PhoneNumberWhereInput = { AND: [base, input.status ? { emergencyStatus: input.status } : {}] };
  const [total, groups] = await Promise.all([
    db.phoneNumber.count({ where }),
    db.phoneNumber.groupBy({ by: ["emergencyStatus"], where: base, _count: { _all: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(input.page ?? 1, pageCount);
  const numbers = await db.phoneNumber.findMany({
    where,
    orderBy: { e164: "asc" },
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      e164: true,
      countryCode: true,
      type: true,
      emergencyStatus: true,
      emergencyStatusReason: true,
      pbx: { select: { id: true, name: true, customerId: true } },
      emergencyLocation: {
        select: { id: true, name: true, street: true, houseNumber: true, postcode: true, city: true },
      },
    },
  });
  return { numbers, total, page, pageCount, counts: statusCounts(groups) };
}
export type EmergencyNumberRow = Awaited<ReturnType<typeof listEmergencyNumbers>>["numbers"][number];
