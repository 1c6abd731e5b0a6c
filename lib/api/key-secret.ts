import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";

/** Every key, PBX or partner, has one format, so one parser and one lookup by hash serve both. */
const KEY_PREFIX = "csk_";
/** How stale lastUsedAt may get: a busy key would otherwise write its row on every request. */
const LAST_USE_RESOLUTION_MS = 60_000;

/** 32 random bytes: a key too long to guess, so a fast hash (not a password hash) is enough to store. */
export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

/** A new key: `key` is shown once; only `prefix` (to tell keys apart) and `hash` are stored. */
export function newApiKey() {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, KEY_PREFIX.length + 6), hash: hashApiKey(key) };
}

/** The hash of the key an `Authorization: Bearer <key>` header carries, or null when it carries none. */
export function parseBearerKey(authorization: string | null | undefined): string | null {
  const key = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "")?.[1];
  return key?.startsWith(KEY_PREFIX) && key.length <= 200 ? hashApiKey(key) : null;
}

/**
 * Records when and from where a key was used, at most once a minute per key: the key row just read
 * says whether it is due (no statement otherwise, on every API request), and the update's condition
 * keeps two requests at once from both writing.
 */
export async function recordKeyUse(
  db: Pick<Db, "apiKey">,
  key: { id: string; lastUsedAt: Date | null },
  clientAddress: string,
  now: Date,
) {
  const staleBefore = new Date(now.getTime() - LAST_USE_RESOLUTION_MS);
  if (key.lastUsedAt && key.lastUsedAt > staleBefore) return;
  await db.apiKey.updateMany({
    where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
    data: { lastUsedAt: now, lastUsedFrom: clientAddress.slice(0, 100) },
  });
}
