import type { Prisma } from "@/lib/db/generated/client";
import type { NumberType } from "@/lib/db/generated/enums";
import { blockDigits, type BlockSize } from "./blocks";

type Tx = Prisma.TransactionClient;

export interface BlockRequest {
  countryCode: string;
  type: NumberType;
  areaName?: string | null;
  /** A SQL LIKE pattern on the digits, e.g. "%77%" (from the search's number pattern). */
  pattern?: string | null;
  blockSize: BlockSize;
  blockCount: number;
  /** Blocks of this hold are the partner's own: they may be taken, nobody else's live hold may. */
  holdId?: string | null;
}

export interface Block {
  firstE164: string;
  lastE164: string;
  ids: string[];
  e164s: string[];
}

/** Thrown when a block's members changed under us (a single number taken from it meanwhile): retry the transaction. */
export class BlockRaceError extends Error {}

/**
 * Claims `blockCount` aligned, contiguous, wholly available blocks and locks them for this transaction.
 * Each block is claimed through its first number ("head", ending in 0 or 00) with
 * `FOR UPDATE SKIP LOCKED`, so concurrent allocators walk past each other's blocks instead of waiting
 * or colliding; then every member is locked. The caller changes the rows in the same transaction:
 * if it fails, nothing stays reserved. Returns fewer blocks than asked when fewer are left.
 */
export async function claimBlocks(tx: Tx, request: BlockRequest): Promise<Block[]> {
  const k = blockDigits(request.blockSize);
  const area = request.areaName ?? null;
  const pattern = request.pattern ?? null;
  const hold = request.holdId ?? null;
  // A number is free for this claim when AVAILABLE and not under someone else's live hold.
  const heads = await tx.$queryRaw<{ id: string; e164: string; last: string }[]>`
    SELECT h."id", h."e164", left(h."e164", length(h."e164") - ${k}::int) || repeat('9', ${k}::int) AS "last"
    FROM "PhoneNumber" h
    WHERE h."countryCode" = ${request.countryCode} AND h."type" = ${request.type}::"NumberType" AND h."status" = 'AVAILABLE'
      AND (${area}::text IS NULL OR h."areaName" = ${area}::text)
      AND right(h."e164", ${k}::int) = repeat('0', ${k}::int)
      AND (h."holdId" IS NULL OR h."holdId" = ${hold}::text OR NOT EXISTS (SELECT 1 FROM "NumberHold" x WHERE x."id" = h."holdId" AND x."expiresAt" > now()))
      AND (${pattern}::text IS NULL OR EXISTS (
        SELECT 1 FROM "PhoneNumber" p WHERE p."countryCode" = h."countryCode" AND p."type" = h."type"
          AND length(p."e164") = length(h."e164") AND p."e164" BETWEEN h."e164" AND left(h."e164", length(h."e164") - ${k}::int) || repeat('9', ${k}::int)
          AND p."e164" LIKE ${pattern}::text))
      AND (SELECT count(*) FROM "PhoneNumber" m
           WHERE m."countryCode" = h."countryCode" AND m."type" = h."type" AND m."status" = 'AVAILABLE'
             AND length(m."e164") = length(h."e164")
             AND m."e164" BETWEEN h."e164" AND left(h."e164", length(h."e164") - ${k}::int) || repeat('9', ${k}::int)
             AND (m."holdId" IS NULL OR m."holdId" = ${hold}::text OR NOT EXISTS (SELECT 1 FROM "NumberHold" x WHERE x."id" = m."holdId" AND x."expiresAt" > now()))
          ) = ${request.blockSize}::int
    ORDER BY (h."holdId" IS NOT DISTINCT FROM ${hold}::text AND ${hold}::text IS NOT NULL) DESC, h."e164"
    LIMIT ${request.blockCount}::int
    FOR UPDATE OF h SKIP LOCKED`;
  if (heads.length === 0) return [];
  if (request.blockSize === 1) return heads.map((h) => ({ firstE164: h.e164, lastE164: h.e164, ids: [h.id], e164s: [h.e164] }));

  // The heads are ours; lock the members (they wait only on a rare single-number claim in the block).
  const members = await tx.$queryRaw<{ id: string; e164: string; head: string }[]>`
    SELECT m."id", m."e164", h."e164" AS "head"
    FROM "PhoneNumber" m
    JOIN unnest(${heads.map((h) => h.e164)}::text[], ${heads.map((h) => h.last)}::text[]) AS h("e164", "last")
      ON length(m."e164") = length(h."e164") AND m."e164" BETWEEN h."e164" AND h."last"
    WHERE m."countryCode" = ${request.countryCode} AND m."type" = ${request.type}::"NumberType" AND m."status" = 'AVAILABLE'
    ORDER BY m."e164"
    FOR UPDATE OF m`;
  const byHead = new Map<string, { id: string; e164: string }[]>();
  for (const m of members) byHead.set(m.head, [...(byHead.get(m.head) ?? []), m]);
  return heads.map((h) => {
    const rows = byHead.get(h.e164) ?? [];
    if (rows.length !== request.blockSize) throw new BlockRaceError(`Block ${h.e164} changed while it was claimed.`);
    return { firstE164: h.e164, lastE164: h.last, ids: rows.map((r) => r.id), e164s: rows.map((r) => r.e164) };
  });
}

/** Runs `work` in a transaction, again (up to `attempts` times) when a block changed under it. */
export async function withBlockRetry<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof BlockRaceError) || attempt >= attempts) throw error;
    }
  }
}
