import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import type { z } from "zod";
import { searchPage, searchText } from "@/lib/http/search-params";
import { USERS_PAGE_SIZE, ZUserFilters } from "./schemas";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  isPartnerAdmin: boolean;
  partnerId: string | null;
  customerId: string | null;
  /** The partner the account belongs to, directly or through its customer. */
  partnerName: string | null;
  customerName: string | null;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
}

/**
 * The list's query string: the filters, a name or e-mail to look for (a long list is paged, so an
 * account is found by search) and the page. Not in schemas.ts, which the e2e fixtures load outside Next.
 */
export const ZUserSearch = ZUserFilters.extend({ q: searchText(120), page: searchPage });
export type TUserSearch = Omit<z.output<typeof ZUserSearch>, "page">;

function filterWhere(filters: TUserSearch): Prisma.UserWhereInput[] {
  const where: Prisma.UserWhereInput[] = [];
  if (filters.q)
    where.push({
      OR: [
        { name: { contains: filters.q, mode: "insensitive" } },
        { email: { contains: filters.q, mode: "insensitive" } },
      ],
    });
  if (filters.partnerId)
    where.push({ OR: [{ partnerId: filters.partnerId }, { customer: { partnerId: filters.partnerId } }] });
  if (filters.customerId) where.push({ customerId: filters.customerId });
  if (filters.role) where.push({ role: filters.role });
  if (filters.status) where.push({ disabledAt: filters.status === "disabled" ? { not: null } : null });
  return where;
}

/**
 * A page of the accounts the actor manages, filtered, by name, with the total; the scope is ANDed so
 * no filter can widen it.
 */
export async function listUsers(
  db: Db,
  actor: Actor,
  rawSearch: unknown = {},
): Promise<{ rows: UserRow[]; total: number; page: number; pageCount: number }> {
  assertCan(actor, "users.manage");
  const { page, ...filters } = ZUserSearch.parse(rawSearch ?? {});
  const where = { AND: [scope.users(actor), ...filterWhere(filters)] };
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      include: {
        partner: { select: { name: true } },
        customer: { select: { name: true, partner: { select: { name: true } } } },
      },
    }),
    db.user.count({ where }),
  ]);
  const rows = users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    isPartnerAdmin: u.isPartnerAdmin,
    partnerId: u.partnerId,
    customerId: u.customerId,
    partnerName: u.partner?.name ?? u.customer?.partner.name ?? null,
    customerName: u.customer?.name ?? null,
    disabledAt: u.disabledAt,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
  }));
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

export interface UserFormOptions {
  partners: { id: string; name: string }[];
  customers: { id: string; name: string; partnerId: string; partnerName: string }[];
  /** Whether the actor may create and grant ADMIN accounts. */
  canGrantAdmin: boolean;
}

/** The partners and customers the actor may attach an account to: what the form and filters offer. */
export async function userFormOptions(db: Db, actor: Actor): Promise<UserFormOptions> {
  assertCan(actor, "users.manage");
  const [partners, customers] = await Promise.all([
    db.partner.findMany({ where: scope.partners(actor), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.customer.findMany({
      where: scope.customers(actor),
      orderBy: { name: "asc" },
      select: { id: true, name: true, partnerId: true, partner: { select: { name: true } } },
    }),
  ]);
  return {
    partners,
    customers: customers.map((c) => ({ id: c.id, name: c.name, partnerId: c.partnerId, partnerName: c.partner.name })),
    canGrantAdmin: actor.role === "ADMIN",
  };
}
