import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db/client";
import { currentRequestId } from "@/lib/log/request-context";
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

/** The partner API key a request acts with, and the address it came from. */
export interface ApiKeyAuditContext {
  apiKey: { id: string; name: string };
  ip: string;
}

// Every domain function writes `actorId: actor.userId` (for a key: its creator). The API's request
// wrapper runs the handler in this context, so each entry of that request names the key as well,
// without every one of the domain functions having to know about keys.
const apiKeyContext = new AsyncLocalStorage<ApiKeyAuditContext>();

/** Runs `work` so that every audit entry it records names the API key (issue 34). */
export function withApiKeyAudit<T>(context: ApiKeyAuditContext, work: () => Promise<T>): Promise<T> {
  return apiKeyContext.run(context, work);
}

function withKey(detail: Prisma.InputJsonValue | undefined, apiKey: ApiKeyAuditContext["apiKey"]) {
  const own = detail && typeof detail === "object" && !Array.isArray(detail) ? detail : { value: detail ?? null };
  return { ...own, viaApiKey: apiKey } as Prisma.InputJsonValue;
}

/** Appends to the audit log. `db` may be a transaction client, so the entry commits with the change. */
export async function recordAudit(db: Pick<Db, "auditLog">, entry: AuditEntry) {
  const viaKey = apiKeyContext.getStore();
  await db.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      ip: entry.ip ?? viaKey?.ip ?? null,
      detail: viaKey ? withKey(entry.detail, viaKey.apiKey) : entry.detail,
      // The request that did it, as in the server's log lines and its X-Request-Id (decision 0080).
      requestId: currentRequestId() ?? null,
    },
  });
}
