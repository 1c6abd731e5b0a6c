import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, can } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZNewPartnerKey, ZRevokePartnerKey } from "./key-schemas";
import { newApiKey } from "./key-secret";

const DAY_MS = 86_400_000;
/** A key that never ends is allowed (revoke it); a dated one ends within this many days. */
const MAX_EXPIRY_DAYS = 3 * 366;

/**
 * Partner keys are the partner's, not their creator's: only a partner admin of that partner manages
 * them (the operator's staff do not hold a partner's credentials), and a suspended agreement freezes them.
 */
function assertManagesKeys(actor: Actor, change: boolean): string {
  if (actor.role !== "PARTNER" || !actor.isPartnerAdmin || !actor.partnerId)
    throw new AppError("FORBIDDEN", "Only an administrator of the partner manages its API keys.");
  if (change) assertCanChange(actor, "api_keys.manage");
  else if (!can(actor, "api_keys.manage")) throw new AppError("FORBIDDEN", "You may not see API keys.");
  return actor.partnerId;
}

/** The chosen day is the last the key works: it is refused from the next day's start (UTC). */
function expiryOf(expiresOn: string | undefined, now: Date): Date | null {
  if (!expiresOn) return null;
  const expiresAt = new Date(Date.parse(`${expiresOn}T00:00:00Z`) + DAY_MS);
  const days = (expiresAt.getTime() - now.getTime()) / DAY_MS;
  if (!(days > 0 && days <= MAX_EXPIRY_DAYS))
    throw new AppError("INVALID", "Check the highlighted fields.", {
      expiresOn: ["Choose a day from today to three years ahead."],
    });
  return expiresAt;
}

/** A new key of the actor's partner; the returned `key` is shown once and cannot be read again. */
export async function createPartnerKey(db: Db, actor: Actor, input: unknown, now = new Date()) {
  const partnerId = assertManagesKeys(actor, true);
  const { name, scopes, expiresOn } = parseOrThrow(ZNewPartnerKey, input);
  const expiresAt = expiryOf(expiresOn, now);
  const { key, prefix, hash } = newApiKey();
  return db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: { kind: "PARTNER", partnerId, name, prefix, hash, scopes, expiresAt, createdById: actor.userId },
      select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "api_key.created",
      entityType: "ApiKey",
      entityId: row.id,
      detail: { name, prefix, scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { ...row, key };
  });
}

/** The partner's keys, newest first, with who made them; never the hash. */
export async function listPartnerKeys(db: Db, actor: Actor) {
  const partnerId = assertManagesKeys(actor, false);
  return db.apiKey.findMany({
    where: { kind: "PARTNER", partnerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      lastUsedAt: true,
      lastUsedFrom: true,
      expiresAt: true,
      revokedAt: true,
    },
  });
}
export type PartnerKeyRow = Awaited<ReturnType<typeof listPartnerKeys>>[number];

/** Revokes one of the actor's partner's keys; another partner's key, or a PBX key, is NOT_FOUND. */
export async function revokePartnerKey(db: Db, actor: Actor, input: unknown, now = new Date()) {
  const partnerId = assertManagesKeys(actor, true);
  const { keyId } = parseOrThrow(ZRevokePartnerKey, input);
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: keyId, kind: "PARTNER", partnerId, revokedAt: null },
      select: { id: true, name: true, prefix: true },
    });
    // Conditional on still being live, so two revokes cannot both succeed and audit twice.
    const { count } = key
      ? await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } })
      : { count: 0 };
    if (!key || count === 0) throw new AppError("NOT_FOUND", "This key does not exist or is already revoked.");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "api_key.revoked",
      entityType: "ApiKey",
      entityId: key.id,
      detail: { name: key.name, prefix: key.prefix },
    });
  });
}
