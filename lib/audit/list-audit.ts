import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { searchText } from "@/lib/http/search-params";
import { auditNames } from "./names";
import { auditRefs, auditSentence } from "./sentences";

export const AUDIT_PAGE_SIZE = 50;
/** The CSV holds at most this many rows, newest first: narrow the filters for older ones. */
export const AUDIT_EXPORT_LIMIT = 10_000;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(v)))
  .optional()
  .catch(undefined);
// A NUL or another control character in a filter is no filter (PostgreSQL refuses NUL in text).
const text = searchText(200);

/** The audit log's filters, from a query string: anything malformed is simply no filter. */
export const ZAuditFilters = z.object({ actor: text, action: text, target: text, from: day, to: day });
export type TAuditFilters = z.output<typeof ZAuditFilters>;

function whereOf(filters: Partial<TAuditFilters>): Prisma.AuditLogWhereInput {
  const conditions: Prisma.AuditLogWhereInput[] = [];
  if (filters.actor)
    conditions.push({
      actor: {
        OR: [
          { email: { contains: filters.actor, mode: "insensitive" } },
          { name: { contains: filters.actor, mode: "insensitive" } },
        ],
      },
    });
  if (filters.action) conditions.push({ action: filters.action });
  if (filters.target)
    conditions.push({
      OR: [{ entityType: { equals: filters.target, mode: "insensitive" } }, { entityId: filters.target }],
    });
  if (filters.from) conditions.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00Z`) } });
  // "To" includes that whole day (UTC, as the page shows times).
  if (filters.to) conditions.push({ createdAt: { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000) } });
  return { AND: conditions };
}

const INCLUDE = { actor: { select: { name: true, email: true } } } as const;

type Entry = {
  action: string;
  entityType: string | null;
  entityId: string | null;
  detail: unknown;
  actor: { name: string } | null;
};

/** The entries with their sentences, the names they need fetched in one query for the whole page. */
async function withSentences<T extends Entry>(db: Db, entries: T[]): Promise<(T & { sentence: string })[]> {
  const names = await auditNames(db, entries.flatMap(auditRefs));
  return entries.map((e) => ({ ...e, sentence: auditSentence(e, e.actor?.name ?? null, names) }));
}

/** A page of the audit log, newest first (admins only). */
export async function listAuditEntries(
  db: Db,
  actor: Actor,
  input: { page?: number; filters?: Partial<TAuditFilters> } = {},
) {
  assertCan(actor, "audit.view");
  const page = input.page ?? 1;
  const where = whereOf(input.filters ?? {});
  const [entries, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: INCLUDE,
    }),
    db.auditLog.count({ where }),
  ]);
  return {
    entries: await withSentences(db, entries),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
  };
}

/** The filtered entries for the CSV export, newest first, up to AUDIT_EXPORT_LIMIT. */
export async function exportAuditEntries(db: Db, actor: Actor, filters: Partial<TAuditFilters>) {
  assertCan(actor, "audit.view");
  const entries = await db.auditLog.findMany({
    where: whereOf(filters),
    orderBy: { id: "desc" },
    take: AUDIT_EXPORT_LIMIT,
    include: INCLUDE,
  });
  return withSentences(db, entries);
}

/** The distinct target types, for the filter. */
export async function auditTargetTypes(db: Db, actor: Actor) {
  assertCan(actor, "audit.view");
  const rows = await db.auditLog.findMany({
    where: { entityType: { not: null } },
    distinct: ["entityType"],
    select: { entityType: true },
    orderBy: { entityType: "asc" },
  });
  return rows.map((r) => r.entityType!);
}
