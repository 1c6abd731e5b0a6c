import { createHash, randomInt } from "node:crypto";
import type { Db } from "@/lib/db/client";

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper and typed by hand. 10 of 31 symbols: about 50 bits each.
const ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
const HALF = 5;

/** Spaces, dashes and capitals as typed are ignored. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return new RegExp(`^[${ALPHABET}]{${HALF * 2}}$`).test(normaliseRecoveryCode(code));
}

// Random codes of 50 bits need no slow hash: a plain SHA-256 is as far from the code as argon2 would be.
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

function newRecoveryCode(): string {
  const symbols = Array.from({ length: HALF * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${symbols.slice(0, HALF)}-${symbols.slice(HALF)}`;
}

/**
 * Replaces every recovery code of the user with a new set, returned in clear this once: only their
 * hashes are stored, so nobody (an admin, a backup) can show them again.
 */
export async function replaceRecoveryCodes(tx: Pick<Db, "recoveryCode">, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Uses up one recovery code; true when it was the user's and unused. One conditional update decides, so a code works once. */
export async function consumeRecoveryCode(tx: Pick<Db, "recoveryCode">, userId: string, code: string, now: Date) {
  const { count } = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return count === 1;
}
