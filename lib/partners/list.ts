import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import { containsText } from "@/lib/db/contains-text";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { AgreementStatus } from "@/lib/db/generated/enums";
import { searchEnum, searchPage, searchText } from "@/lib/http/search-params";
import { pageOf } from "@/lib/paging";
import { ZTierCode } from "@/lib/pricing/schemas";

export const PARTNERS_PAGE_SIZE = 25;

export const AGREEMENT_STATUSES = ["ACTIVE", "SUSPENDED", "TERMINATED"] as const satisfies readonly AgreementStatus[];

/** The columns the list sorts by on the server; a leading "-" is descending. */
export const PARTNER_SORT_KEYS = ["name", "tier", "status", "customers", "onboarded"] as const;
export type TPartnerSortKey = (typeof PARTNER_SORT_KEYS)[number];
const SORTS = PARTNER_SORT_KEYS.flatMap((key) => [key, `-${key}`] as const);

/**
 * The list's query string: text to look for (name, VAT number, billing e-mail, a user's e-mail), a
 * tier, an agreement status, the sort and the page. Anything unparseable shows the default view.
 */
export const ZPartnerSearch = z.object({
  q: searchText(120),
  tier: ZTierCode.optional().catch(undefined),
  status: searchEnum(AGREEMENT_STATUSES),
  sort: searchEnum(SORTS as [string, ...string[]]),
  page: searchPage,
});
export type TPartnerSearch = z.output<typeof ZPartnerSearch>;

export interface PartnerRow {
  id: string;
  name: string;
  countryName: string;
  vatNumber: string | null;
  billingEmail: string;
  tier: { code: string; name: string };
  agreementStatus: AgreementStatus;
  createdAt: Date;
  customers: number;
  pbxs: number;
}

function filterWhere({ q, tier, status }: Pick<TPartnerSearch, "q" | "tier" | "status">): Prisma.PartnerWhereInput[] {
  const where: Prisma.PartnerWhereInput[] = [];
  if (q) {
    // A VAT number is stored compact ("DE136695976"): one typed with spaces or dots is found too.
    const compact = q.replace(/[\s.\-/]/g, "");
    where.push({
      OR: [
        { name: containsText(q) },
        { vatNumber: containsText(q) },
        ...(compact && compact !== q ? [{ vatNumber: containsText(compact) }] : []),
        { billingEmail: containsText(q) },
        { users: { some: { email: containsText(q) } } },
      ],
    });
  }
  if (tier) where.push({ tier: { code: tier } });
  if (status) where.push({ agreementStatus: status });
  return where;
}

function orderBy(sort: string | undefined): Prisma.PartnerOrderByWithRelationInput[] {
  const descending = sort?.startsWith("-") ?? false;
  const dir = descending ? "desc" : "asc";
  const key = (sort?.replace(/^-/, "") ?? "name") as TPartnerSortKey;
  const byName = { name: "asc" } as const;
  const stable = { id: "asc" } as const;
  switch (key) {
    case "tier":
      return [{ tier: { sortOrder: dir } }, byName, stable];
    case "status":
      return [{ agreementStatus: dir }, byName, stable];
    case "customers":
      return [{ customers: { _count: dir } }, byName, stable];
    case "onboarded":
      return [{ createdAt: dir }, stable];
    default:
      return [{ name: dir }, stable];
  }
}

/** PBXs per partner, for the partners of one page (a PBX reaches its partner through its customer). */
async function pbxCounts(db: Db, partnerIds: string[]) {
  if (!partnerIds.length) return new Map<string, number>();
  const rows = await db.$queryRaw<{ partnerId: string; n: number }[]>`
    SELECT c."partnerId", count(*)::int AS n FROM "Pbx" p JOIN "Customer" c ON c.id = p."customerId"
    WHERE c."partnerId" = ANY(${partnerIds}::text[]) GROUP BY 1`;
  return new Map(rows.map((row) => [row.partnerId, row.n]));
}

/** A page of the partner companies for the operator's admins, filtered and sorted on the server, with the total. */
export async function listPartners(db: Db, actor: Actor, rawSearch: unknown = {}) {
  assertCan(actor, "partners.manage");
  const { page: asked, ...search } = ZPartnerSearch.parse(rawSearch ?? {});
  const where = { AND: [scope.partners(actor), ...filterWhere(search)] };
  const total = await db.partner.count({ where });
  const { page, pageCount, skip, take } = pageOf(total, PARTNERS_PAGE_SIZE, asked);
  const partners = await db.partner.findMany({
    where,
    orderBy: orderBy(search.sort),
    skip,
    take,
    select: {
      id: true,
      name: true,
      vatNumber: true,
      billingEmail: true,
      agreementStatus: true,
      createdAt: true,
      country: { select: { name: true } },
      tier: { select: { code: true, name: true } },
      _count: { select: { customers: true } },
    },
  });
  const pbxs = await pbxCounts(
    db,
    partners.map((p) => p.id),
  );
  const rows: PartnerRow[] = partners.map(({ country, _count, ...p }) => ({
    ...p,
    countryName: country.name,
    customers: _count.customers,
    pbxs: pbxs.get(p.id) ?? 0,
  }));
  return { rows, total, page, pageCount };
}

/** What the list's filters and the onboarding form offer: every price-list tier, in the catalogue's order. */
export async function priceListTierOptions(db: Db, actor: Actor) {
  assertCan(actor, "partners.manage");
  return db.priceListTier.findMany({
    where: scope.priceListTiers(actor),
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true },
  });
}
