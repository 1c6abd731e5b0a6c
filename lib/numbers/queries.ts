import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope, visiblePrices } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { ZId } from "@/lib/http/ids";
import { searchEnum, searchPage, searchText } from "@/lib/http/search-params";
import { NUMBER_TYPES } from "./blocks";
import { acceptedNumbersWhere } from "./picker";

export const NUMBER_STATUSES = ["AVAILABLE", "RESERVED", "ASSIGNED", "PORTING", "QUARANTINE"] as const;
export const NUMBER_SORTS = ["number", "-number", "assigned", "-assigned", "pbx"] as const;
export const NUMBERS_PAGE_SIZE = 50;

/** The query string of a numbers list; anything malformed falls back to the default view. */
export const ZNumberSearch = z.object({
  pbx: ZId.optional().catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  type: searchEnum(NUMBER_TYPES),
  status: searchEnum(NUMBER_STATUSES),
  q: searchText(20),
  sort: z.enum(NUMBER_SORTS).catch("number"),
  page: searchPage,
});
export type TNumberSearch = z.output<typeof ZNumberSearch>;

/** The filters of a list as a where clause, always inside the actor's scope. */
export function numberWhere(actor: Actor, search: Partial<TNumberSearch>): Prisma.PhoneNumberWhereInput {
  const digits = search.q?.replace(/[^0-9]/g, "");
  return {
    AND: [
      scope.phoneNumbers(actor),
      {
        ...(search.pbx ? { pbxId: search.pbx } : {}),
        ...(search.country ? { countryCode: search.country } : {}),
        ...(search.type ? { type: search.type } : {}),
        ...(search.status ? { status: search.status } : {}),
        ...(digits ? { e164: { contains: digits } } : {}),
      },
    ],
  };
}

const ORDER: Record<TNumberSearch["sort"], Prisma.PhoneNumberOrderByWithRelationInput[]> = {
  number: [{ e164: "asc" }],
  "-number": [{ e164: "desc" }],
  assigned: [{ assignedAt: "asc" }, { e164: "asc" }],
  "-assigned": [{ assignedAt: "desc" }, { e164: "asc" }],
  pbx: [{ pbx: { name: "asc" } }, { e164: "asc" }],
};

export const NUMBER_ROW_SELECT = {
  id: true,
  e164: true,
  countryCode: true,
  type: true,
  status: true,
  areaName: true,
  cnam: true,
  assignedAt: true,
  quarantineUntil: true,
  emergencyStatus: true,
  country: { select: { emergencyRegime: true } },
  pbx: {
    select: {
      id: true,
      name: true,
      customer: { select: { name: true } },
      service: { select: { defaultCallerNumberId: true } },
    },
  },
} satisfies Prisma.PhoneNumberSelect;

/** A page of the numbers the actor may see (partner: its own; end user: its PBXs'; admin: all). */
export async function listNumbers(db: Db, actor: Actor, search: Partial<TNumberSearch>) {
  assertCan(actor, "numbers.view");
  const where = numberWhere(actor, search);
  const page = search.page ?? 1;
  const [rows, total] = await Promise.all([
    db.phoneNumber.findMany({
      where,
      orderBy: ORDER[search.sort ?? "number"],
      skip: (page - 1) * NUMBERS_PAGE_SIZE,
      take: NUMBERS_PAGE_SIZE,
      select: NUMBER_ROW_SELECT,
    }),
    db.phoneNumber.count({ where }),
  ]);
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / NUMBERS_PAGE_SIZE)) };
}

/** Every row of the filtered list, for the CSV export (the same where clause, no paging). */
export async function exportNumbers(db: Db, actor: Actor, search: Partial<TNumberSearch>) {
  assertCan(actor, "numbers.view");
  return db.phoneNumber.findMany({
    where: numberWhere(actor, search),
    orderBy: ORDER[search.sort ?? "number"],
    select: NUMBER_ROW_SELECT,
    take: 100_000,
  });
}

/** The order result page: an order in scope with its blocks and charge lines. */
export async function loadNumberOrder(db: Db, actor: Actor, orderId: string) {
  assertCan(actor, "numbers.view");
  const order = await db.numberOrder.findFirst({
    where: { AND: [scope.numberOrders(actor), { id: orderId }] },
    select: {
      id: true,
      createdAt: true,
      countryCode: true,
      type: true,
      blockSize: true,
      blockCount: true,
      currency: true,
      chargeTotal: true,
      status: true,
      pbx: { select: { id: true, name: true } },
      blocks: {
        orderBy: { firstE164: "asc" },
        select: {
          id: true,
          firstE164: true,
          lastE164: true,
          size: true,
          numbers: { orderBy: { e164: "asc" }, select: { e164: true } },
        },
      },
      lines: { orderBy: { sortOrder: "asc" }, select: { description: true, amount: true, formula: true } },
    },
  });
  if (!order) return null;
  const { currency, chargeTotal, lines, ...rest } = order;
  // What the order was charged is the partner's purchase price (its tier): an end user, whom the
  // partner bills at its own prices, sees none of it (issue 29).
  const charges = visiblePrices(actor).includes("purchase") ? { currency, total: chargeTotal, lines } : null;
  return { ...rest, charges };
}

/** What the filters offer: the PBXs and countries of the numbers the actor may see. */
export async function numberFilterOptions(db: Db, actor: Actor) {
  assertCan(actor, "numbers.view");
  const [pbxs, countries] = await Promise.all([
    db.pbx.findMany({
      where: { AND: [scope.pbxs(actor), { phoneNumbers: { some: scope.phoneNumbers(actor) } }] },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
    db.phoneNumber.groupBy({ by: ["countryCode"], where: scope.phoneNumbers(actor), orderBy: { countryCode: "asc" } }),
  ]);
  return { pbxs, countries: countries.map((c) => c.countryCode) };
}

/** R13: a number on a PBX, in a country with E112/E911, that can call out (not FreePhone) has an emergency status to show. */
export function needsEmergencyLocation(n: {
  status: string;
  type: string;
  country: { emergencyRegime: string | null };
}): boolean {
  return n.status === "ASSIGNED" && n.type !== "FREEPHONE" && n.country.emergencyRegime !== null;
}

/** The numbers as CSV: exactly the rows the filters select. */
export function numbersCsv(rows: Awaited<ReturnType<typeof exportNumbers>>): string[][] {
  return [
    [
      "Number",
      "Country",
      "Type",
      "Area",
      "Status",
      "PBX",
      "Customer",
      "Since",
      "Default caller number",
      "Emergency location",
    ],
    ...rows.map((n) => [
      n.e164,
      n.countryCode,
      n.type,
      n.areaName ?? "",
      n.status,
      n.pbx?.name ?? "",
      n.pbx?.customer.name ?? "",
      n.assignedAt?.toISOString().slice(0, 10) ?? "",
      n.pbx?.service?.defaultCallerNumberId === n.id ? "yes" : "",
      needsEmergencyLocation(n) ? n.emergencyStatus : "",
    ]),
  ];
}

/**
 * The PBX hub's numbers tab: a page of its numbers, searched by any part of their digits (the same
 * list as /numbers, filtered by the PBX), its service and its default caller number (R11).
 */
export async function pbxNumbersOverview(
  db: Db,
  actor: Actor,
  pbxId: string,
  search: Pick<Partial<TNumberSearch>, "q" | "page"> = {},
) {
  assertCan(actor, "numbers.view");
  const [list, cnamCount, service] = await Promise.all([
    listNumbers(db, actor, { pbx: pbxId, q: search.q, page: search.page }),
    db.phoneNumber.count({ where: acceptedNumbersWhere(actor, { pbxId, purpose: "cnam" }) }),
    db.classoundService.findFirst({
      where: { pbx: { AND: [scope.pbxs(actor), { id: pbxId }] } },
      select: { status: true, defaultCallerNumber: { select: { id: true, e164: true } } },
    }),
  ]);
  return {
    ...list,
    cnamCount,
    serviceActive: service?.status === "ACTIVE",
    defaultCaller: service?.defaultCallerNumber ?? null,
  };
}
