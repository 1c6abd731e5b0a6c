import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";

export interface AuditEntry {
  actorId?: string | null;
  action: string;
  entityType?: string;
  entityId?: string;
  ip?: string | null;
  detail?: Prisma.InputJsonValue;
}

/** Appends to the audit log. `db` may be a transaction client, so the entry commits with the change. */
export async function recordAudit(db: Pick<Db, "auditLog">, entry: AuditEntry) {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      ip: entry.ip ?? null,
      detail: entry.detail,
    },
  });
}
