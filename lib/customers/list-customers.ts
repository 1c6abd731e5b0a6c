import { z } from "zod";
import { EXPIRY_NOTICE_DAYS } from "@/lib/activations/compliance-profile";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { searchEnum, searchPage, searchText } from "@/lib/http/search-params";
import { pageOf } from "@/lib/paging";

export const CUSTOMERS_PAGE_SIZE = 25;

/** The columns the list sorts by, each with the direction a first click gives (names A-Z, counts largest first). */
export const CUSTOMER_SORTS = {
  name: "asc",
  partner: "asc",
  country: "asc",
  pbxs: "desc",
  services: "desc",
  numbers: "desc",
} as const;
export type TCustomerSort = keyof typeof CUSTOMER_SORTS;

/**
 * The list's query string. Not in schemas.ts, which forms load in the browser: these helpers fall
 * back to the default view on a hand-edited value.
 */
export const ZCustomerListSearch = z.object({
  q: searchText(100),
  /** Archived customers leave the default list; this shows them instead. */
  view: searchEnum(["archived", "attention"]),
  sort: searchEnum(Object.keys(CUSTOMER_SORTS) as [TCustomerSort, ...TCustomerSort[]]),
  dir: searchEnum(["asc", "desc"]),
  page: searchPage,
});
export type TCustomerListSearch = z.output<typeof ZCustomerListSearch>;

export interface CustomerListRow {
  id: string;
  name: string;
  partnerName: string;
  countryCode: string;
  countryName: string;
  legalName: string | null;
  vatNumber: string | null;
  contactName: string | null;
  contactEmail: string | null;
  archivedAt: Date | null;
  pbxs: number;
  /** CLASSOUND services running on its PBXs. */
  services: number;
  /** Numbers assigned to its PBXs. */
  numbers: number;
  /** Documents on file that have expired or expire within the notice period. */
  documentsToRenew: number;
}

// Fixed SQL for each sort key: the key comes from the parsed enum, never from the query string itself.
const ORDER_BY: Record<TCustomerSort, string> = {
  name: `lower(c."name")`,
  partner: `lower(pa."name")`,
  country: `co."name"`,
  pbxs: `"pbxs"`,
  services: `"services"`,
  numbers: `"numbers"`,
};

/** The same escaping as `containsText`, for raw SQL: `%`, `_` and `\` typed mean themselves. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

function filtersSql(actor: Actor, q: string | undefined, noticeUntil: Date) {
  const tenant = scope.pbxTenant(actor);
  const where: Prisma.Sql[] = [
    tenant === null
      ? Prisma.sql`true`
      : "partnerId" in tenant
        ? Prisma.sql`c."partnerId" = ${tenant.partnerId}`
        : Prisma.sql`c."id" = ${tenant.customerId}`,
  ];
  if (q) {
    const like = likePattern(q);
    where.push(Prisma.sql`(c."name" ILIKE ${like} OR c."legalName" ILIKE ${like} OR c."vatNumber" ILIKE ${like}
      OR c."contactName" ILIKE ${like} OR c."contactEmail" ILIKE ${like} OR c."contactPhone" ILIKE ${like})`);
  }
  const renew = Prisma.sql`EXISTS (SELECT 1 FROM "ComplianceDocument" d WHERE d."customerId" = c."id" AND d."expiresAt" <= ${noticeUntil})`;
  return { base: Prisma.join(where, " AND "), renew };
}

/**
 * A page of the customers the actor may see: searched (name, legal name, VAT number, contact),
 * filtered (active, archived, or active with documents to renew), sorted and paged by the database,
 * each with its PBXs, running services and assigned numbers; with each view's count for the tabs.
 */
export async function listCustomers(db: Db, actor: Actor, search: Partial<TCustomerListSearch> = {}, now = new Date()) {
  assertCan(actor, "compliance.view");
  const noticeUntil = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * 86_400_000);
  const { base, renew } = filtersSql(actor, search.q, noticeUntil);
  const [counts] = await db.$queryRaw<{ active: number; archived: number; attention: number }[]>`
    SELECT count(*) FILTER (WHERE c."archivedAt" IS NULL)::int AS "active",
           count(*) FILTER (WHERE c."archivedAt" IS NOT NULL)::int AS "archived",
           count(*) FILTER (WHERE c."archivedAt" IS NULL AND ${renew})::int AS "attention"
    FROM "Customer" c WHERE ${base}`;
  const view = search.view ?? "active";
  const total = counts![view];
  const { page, pageCount, skip, take } = pageOf(total, CUSTOMERS_PAGE_SIZE, search.page ?? 1);
  const viewSql =
    view === "archived"
      ? Prisma.sql`c."archivedAt" IS NOT NULL`
      : view === "attention"
        ? Prisma.sql`c."archivedAt" IS NULL AND ${renew}`
        : Prisma.sql`c."archivedAt" IS NULL`;
  const sort = search.sort ?? "name";
  const dir = search.dir ?? CUSTOMER_SORTS[sort];
  const orderBy = Prisma.raw(`${ORDER_BY[sort]} ${dir === "asc" ? "ASC" : "DESC"}, lower(c."name") ASC, c."id" ASC`);
  const rows = await db.$queryRaw<CustomerListRow[]>`
    SELECT c."id", c."name", pa."name" AS "partnerName", c."countryCode", co."name" AS "countryName",
           c."legalName", c."vatNumber", c."contactName", c."contactEmail", c."archivedAt",
           px."pbxs", px."services", nu."numbers", dc."documentsToRenew"
    FROM "Customer" c
    JOIN "Partner" pa ON pa."id" = c."partnerId"
    JOIN "Country" co ON co."code" = c."countryCode"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "pbxs",
             count(s."id") FILTER (WHERE s."status" = 'ACTIVE')::int AS "services"
      FROM "Pbx" p LEFT JOIN "ClassoundService" s ON s."pbxId" = p."id"
      WHERE p."customerId" = c."id") px
    CROSS JOIN LATERAL (
      -- With the partner, so the (partnerId, pbxId) index answers: an assigned number always carries it.
      SELECT count(*)::int AS "numbers"
      FROM "PhoneNumber" n JOIN "Pbx" p ON p."id" = n."pbxId"
      WHERE n."partnerId" = c."partnerId" AND p."customerId" = c."id" AND n."status" = 'ASSIGNED') nu
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS "documentsToRenew" FROM "ComplianceDocument" d
      WHERE d."customerId" = c."id" AND d."expiresAt" <= ${noticeUntil}) dc
    WHERE ${base} AND ${viewSql}
    ORDER BY ${orderBy}
    OFFSET ${skip} LIMIT ${take}`;
  return { rows, total, page, pageCount, sort, dir, view, counts: counts! };
}
