import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseBearerKey, recordKeyUse } from "./key-secret";

/** One answer for every refusal, so a caller cannot tell an unknown key from a revoked or expired one. */
const REFUSED = "A valid partner API key is required (Authorization: Bearer <key>).";

export interface AuthenticatedKey {
  id: string;
  partnerId: string;
  scopes: string[];
  name: string;
}

/**
 * The partner actor an `Authorization: Bearer <key>` header stands for. Unscoped by nature (the key
 * is the credential). The actor is the key's partner, never an admin of it; `userId` is the key's
 * creator (the key outlives that user's access: it belongs to the partner) and `apiKey` names the key.
 * A suspended agreement is carried as on the pages: reads pass, `assertCanChange` refuses writes.
 */
export async function authenticateApiKey(
  db: Db,
  authorization: string | null,
  clientAddress: string,
  now = new Date(),
): Promise<{ actor: Actor; key: AuthenticatedKey }> {
  const hash = parseBearerKey(authorization);
  const row = hash
    ? await db.apiKey.findUnique({
        where: { hash },
        select: {
          id: true,
          kind: true,
          name: true,
          partnerId: true,
          scopes: true,
          expiresAt: true,
          revokedAt: true,
          lastUsedAt: true,
          partner: { select: { agreementStatus: true } },
          createdBy: { select: { id: true, email: true } },
        },
      })
    : null;
  if (!row || row.kind !== "PARTNER" || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || !row.createdBy)
    throw new AppError("UNAUTHENTICATED", REFUSED);
  await recordKeyUse(db, row, clientAddress, now);
  const actor: Actor = {
    userId: row.createdBy.id,
    role: "PARTNER",
    partnerId: row.partnerId,
    customerId: null,
    isPartnerAdmin: false,
    agreementSuspended: row.partner.agreementStatus !== "ACTIVE",
    apiKey: { id: row.id, name: row.name },
    name: `API key “${row.name}”`,
    email: row.createdBy.email,
  };
  return { actor, key: { id: row.id, partnerId: row.partnerId, scopes: row.scopes, name: row.name } };
}
