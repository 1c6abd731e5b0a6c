import { z } from "zod";
import { newApiKey, parseBearerKey, recordKeyUse } from "@/lib/api/key-secret";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const ZCreateApiKey = z.object({
  pbxId: z.string().min(1).max(64),
  name: z.string().trim().min(1, "Name the key, e.g. after the PBX's host.").max(60),
});
export const ZRevokeApiKey = z.object({ keyId: z.string().min(1).max(64) });

async function pbxInScope(db: Db, actor: Actor, pbxId: string) {
  assertCan(actor, "pbx.api_keys");
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: pbxId }] },
    select: { id: true, customer: { select: { partnerId: true } } },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  return pbx;
}

/** The PBX's keys, newest first; the key itself is never stored, only its first characters. */
export async function listPbxApiKeys(db: Db, actor: Actor, pbxId: string) {
  await pbxInScope(db, actor, pbxId);
  return db.apiKey.findMany({
    where: { kind: "PBX", pbxId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      lastUsedFrom: true,
      revokedAt: true,
    },
  });
}

/** A new key for the PBX; the returned `key` is shown once and cannot be read again. */
export async function createPbxApiKey(db: Db, actor: Actor, input: z.infer<typeof ZCreateApiKey>) {
  const pbx = await pbxInScope(db, actor, input.pbxId);
  const { key, prefix, hash } = newApiKey();
  const row = await db.apiKey.create({
    data: {
      kind: "PBX",
      partnerId: pbx.customer.partnerId,
      pbxId: pbx.id,
      name: input.name,
      prefix,
      hash,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  return { id: row.id, key };
}

export async function revokePbxApiKey(db: Db, actor: Actor, { keyId }: z.infer<typeof ZRevokeApiKey>) {
  assertCan(actor, "pbx.api_keys");
  const { count } = await db.apiKey.updateMany({
    where: {
      AND: [
        { kind: "PBX", pbx: scope.pbxs(actor) },
        { id: keyId, revokedAt: null },
      ],
    },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "This key does not exist or is already revoked.");
}

/**
 * The PBX an `Authorization: Bearer <key>` header names, or UNAUTHENTICATED for a missing, unknown,
 * revoked or partner key. Unscoped by nature: the key is the credential.
 */
export async function unsafePbxOfApiKey(db: Db, authorization: string | null, clientAddress: string, now = new Date()) {
  const hash = parseBearerKey(authorization);
  const row = hash
    ? await db.apiKey.findUnique({
        where: { hash },
        select: {
          id: true,
          kind: true,
          revokedAt: true,
          expiresAt: true,
          lastUsedAt: true,
          pbx: { select: { id: true, serial: true } },
        },
      })
    : null;
  if (!row?.pbx || row.kind !== "PBX" || row.revokedAt || (row.expiresAt && row.expiresAt <= now))
    throw new AppError("UNAUTHENTICATED", "A valid API key of this PBX is required (Authorization: Bearer <key>).");
  await recordKeyUse(db, row, clientAddress, now);
  return row.pbx;
}
