import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const ZCreateApiKey = z.object({
  pbxId: z.string().min(1).max(64),
  name: z.string().trim().min(1, "Name the key, e.g. after the PBX's host.").max(60),
});
export const ZRevokeApiKey = z.object({ keyId: z.string().min(1).max(64) });

const KEY_PREFIX = "csk_";
/** 32 random bytes: a key too long to guess, so a fast hash (not a password hash) is enough to store. */
const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

async function pbxInScope(db: Db, actor: Actor, pbxId: string) {
  assertCan(actor, "pbx.api_keys");
  const pbx = await db.pbx.findFirst({ where: { AND: [scope.pbxs(actor), { id: pbxId }] }, select: { id: true } });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  return pbx;
}

/** The PBX's keys, newest first; the key itself is never stored, only its first characters. */
export async function listPbxApiKeys(db: Db, actor: Actor, pbxId: string) {
  await pbxInScope(db, actor, pbxId);
  return db.pbxApiKey.findMany({
    where: { pbxId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}

/** A new key for the PBX; the returned `key` is shown once and cannot be read again. */
export async function createPbxApiKey(db: Db, actor: Actor, input: z.infer<typeof ZCreateApiKey>) {
  const pbx = await pbxInScope(db, actor, input.pbxId);
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  const row = await db.pbxApiKey.create({
    data: {
      pbxId: pbx.id,
      name: input.name,
      prefix: key.slice(0, KEY_PREFIX.length + 6),
      hash: hashKey(key),
      createdById: actor.userId,
    },
    select: { id: true },
  });
  return { id: row.id, key };
}

export async function revokePbxApiKey(db: Db, actor: Actor, { keyId }: z.infer<typeof ZRevokeApiKey>) {
  assertCan(actor, "pbx.api_keys");
  const { count } = await db.pbxApiKey.updateMany({
    where: { AND: [{ pbx: scope.pbxs(actor) }, { id: keyId, revokedAt: null }] },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "This key does not exist or is already revoked.");
}

/**
 * The PBX an `Authorization: Bearer <key>` header names, or UNAUTHENTICATED for a missing, unknown
 * or revoked key. Unscoped by nature: the key is the credential.
 */
export async function unsafePbxOfApiKey(db: Db, authorization: string | null) {
  const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  const row = key?.startsWith(KEY_PREFIX)
    ? await db.pbxApiKey.findUnique({
        where: { hash: hashKey(key) },
        select: { id: true, revokedAt: true, pbx: { select: { id: true, serial: true } } },
      })
    : null;
  if (!row || row.revokedAt)
    throw new AppError("UNAUTHENTICATED", "A valid API key of this PBX is required (Authorization: Bearer <key>).");
  await db.pbxApiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return row.pbx;
}
