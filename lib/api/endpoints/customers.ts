import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { containsText } from "@/lib/db/contains-text";
import type { Prisma } from "@/lib/db/generated/client";
import { afterCreated, createdKey, pageFrom, pageOf, pageQuery, ZCreatedCursor } from "../cursor";
import { defineEndpoint } from "../endpoint";

const ZApiCustomer = z.object({
  id: z.string(),
  name: z.string(),
  countryCode: z.string(),
  legalName: z.string().nullable(),
  vatNumber: z.string().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  timeZone: z.string().nullable(),
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const listCustomersEndpoint = defineEndpoint({
  method: "GET",
  path: "/customers",
  tag: "Customers",
  summary: "List customers",
  description: "The partner's customers, oldest first, a page at a time; archived ones only when asked.",
  scope: "customers:read",
  query: pageQuery(ZCreatedCursor).extend({
    q: z.string().trim().min(1).max(100).optional().describe("Part of the name, legal name or VAT number."),
    status: z.enum(["active", "archived", "all"]).default("active"),
  }),
  response: pageOf(ZApiCustomer),
});

type TQuery = z.output<NonNullable<typeof listCustomersEndpoint.query>>;

/** A page of the customers the actor may see (the customer list's permission and tenant scope). */
export async function customersPage(db: Db, actor: Actor, query: TQuery) {
  assertCan(actor, "compliance.view");
  const filters: Prisma.CustomerWhereInput[] = [scope.customers(actor), afterCreated(query.cursor)];
  if (query.status !== "all") filters.push({ archivedAt: query.status === "archived" ? { not: null } : null });
  if (query.q)
    filters.push({
      OR: [{ name: containsText(query.q) }, { legalName: containsText(query.q) }, { vatNumber: containsText(query.q) }],
    });
  const rows = await db.customer.findMany({
    where: { AND: filters },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    select: {
      id: true,
      name: true,
      countryCode: true,
      legalName: true,
      vatNumber: true,
      contactName: true,
      contactEmail: true,
      timeZone: true,
      archivedAt: true,
      createdAt: true,
    },
  });
  const page = pageFrom(rows, query.limit, createdKey);
  return {
    next: page.next,
    data: page.data.map((row) => ({
      ...row,
      archivedAt: row.archivedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}
