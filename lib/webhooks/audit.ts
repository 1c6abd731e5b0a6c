import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/audit/sentences";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** An audit entry about an endpoint, named by its URL as the log's sentences say it (`actor` null: the portal did it). */
export function auditEndpoint(
  tx: Pick<Db, "auditLog">,
  actor: Pick<Actor, "userId"> | null,
  action: AuditAction & `webhook.${string}`,
  endpoint: { id: string; url: string },
  detail: Record<string, Prisma.InputJsonValue> = {},
) {
  return recordAudit(tx, {
    actorId: actor?.userId ?? null,
    action,
    entityType: "WebhookEndpoint",
    entityId: endpoint.id,
    detail: { url: endpoint.url, ...detail },
  });
}
