import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";
import type { AuditAction } from "./sentences";

export interface AuditEntry {
  actorId?: string | null;
  /** One of the actions the log has words for (lib/audit/sentences.ts). */
  action: AuditAction;
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
