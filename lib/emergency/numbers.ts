import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { EmergencyStatus, Prisma } from "@/lib/db/generated/client";
import { digitsWhere, NUMBER_ROW } from "@/lib/numbers/picker";
import { pageOf } from "@/lib/paging";
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

/** The actor's numbers that need a location, on one PBX or all, found by any part of their digits; by status too. */
export function emergencyNumbersWhere(
  actor: Actor,
  input: { pbxId?: string; status?: EmergencyStatus; q?: string },
): Prisma.PhoneNumberWhereInput {
  const base = [
    scope.phoneNumbers(actor),
    NEEDS_LOCATION,
    input.pbxId ? { pbxId: input.pbxId } : {},
    digitsWhere(input.q),
  ];
  return { AND: [...base, input.status ? { emergencyStatus: input.status } : {}] };
}

/** The actor's numbers that need a location, filtered by PBX, digits and status, a page at a time. */
export async function listEmergencyNumbers(
  db: Db,
  actor: Actor,
  input: { pbxId?: string; status?: EmergencyStatus; q?: string; page?: number; pageSize?: number },
) {
  assertCan(actor, "emergency.view");
  const pageSize = input.pageSize ?? NUMBERS_PAGE_SIZE;
  // The status tabs count every status among the numbers the other filters select.
  const base = emergencyNumbersWhere(actor, { ...input, status: undefined });
  const where = emergencyNumbersWhere(actor, input);
  const [total, groups] = await Promise.all([
    db.phoneNumber.count({ where }),
    db.phoneNumber.groupBy({ by: ["emergencyStatus"], where: base, _count: { _all: true } }),
  ]);
  const { page, pageCount, skip, take } = pageOf(total, pageSize, input.page);
  const numbers = await db.phoneNumber.findMany({
    where,
    orderBy: { e164: "asc" },
    skip,
    take,
    select: {
      ...NUMBER_ROW,
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
