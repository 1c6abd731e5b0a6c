import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

export const AUDIT_PAGE_SIZE = 50;

/** A page of the audit log, newest first (admins only). */
export async function listAuditEntries(db: Db, actor: Actor, page = 1) {
  assertCan(actor, "audit.view");
  const [entries, total] = await Promise.all([
    db.auditLog.findMany({
      orderBy: { id: "desc" },
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      include: { actor: { select: { name: true, email: true } } },
    }),
    db.auditLog.count(),
  ]);
  return { entries, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}
