import { Prisma } from "@/lib/db/generated/client";
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
  /** Set for a hold: the partner may not hold again numbers whose hold lifetime for it is over (hold-limits.ts). */
  holder?: HoldingPartner | null;
}

/** A partner asking to hold, and the first-hold times (heldSince) of the numbers it may not hold now. */
export interface HoldingPartner {
  partnerId: string;
  /** Numbers it first held in (after, upTo] have had their hold lifetime and wait for a restart. */
  waitingSince: { after: Date; upTo: Date };
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
 * "This number starts an aligned block", written as the partial indexes PhoneNumber_free_head10_idx
 * and _head100_idx state it (literals, not parameters), so the claim walks those indexes of free
 * heads under any plan. `k` is one of blockDigits' 0, 1, 2.
 */
function headOf(k: number): Prisma.Sql {
  return k === 0 ? Prisma.sql`TRUE` : Prisma.raw(`right(h."e164", ${k}) = '${"0".repeat(k)}'`);
}

/**
 * "This number is not under someone else's live hold": no hold, the request's own hold, or a hold
 * this statement sees as expired. Written as "a visible, expired hold" rather than "no visible live
 * hold" because a row lock re-reads the locked row at its newest version while subqueries keep the
 * statement's snapshot: a hold committed after the snapshot (while the claim waited on, or walked
 * to, the row) is invisible to the subquery, yet its id is on the row, and it is live (just taken).
 * So a concurrently taken hold refuses the number instead of passing for free (issue 28, item 7).
 */
function notHeldByOthers(alias: string, request: BlockRequest): Prisma.Sql {
  const a = Prisma.raw(alias);
  const hold = request.holdId ?? null;
  const free = Prisma.sql`(${a}."holdId" IS NULL OR ${a}."holdId" = ${hold}::text OR EXISTS (SELECT 1 FROM "NumberHold" x WHERE x."id" = ${a}."holdId" AND x."expiresAt" <= now()))`;
  if (!request.holder) return free;
  // Orders leave this out: a number whose hold lifetime is over may still be ordered by the same partner.
  const { partnerId, waitingSince } = request.holder;
  return Prisma.sql`${free} AND NOT coalesce(${a}."heldByPartnerId" = ${partnerId}::text
    AND ${a}."heldSince" > ${waitingSince.after} AND ${a}."heldSince" <= ${waitingSince.upTo}, false)`;
}

/**
 * The SELECT that claims up to `limit` heads (first numbers, ending in 0 or 00) of aligned,
 * contiguous, wholly free blocks, locking them `FOR UPDATE SKIP LOCKED` so concurrent allocators walk
 * past each other's blocks instead of waiting or colliding. Each row is a head's id, e164 and the
 * block's last number. `onlyHeld` claims only blocks of the request's hold; `andAlso` narrows further.
 * Shared by claimBlocks and the one-statement order (place-order.ts).
 */
export function claimHeadsSql(
  request: BlockRequest,
  limit: Prisma.Sql,
  onlyHeld: boolean,
  andAlso: Prisma.Sql = Prisma.empty,
): Prisma.Sql {
  const k = blockDigits(request.blockSize);
  const area = request.areaName ?? null;
  const pattern = request.pattern ?? null;
  const hold = request.holdId ?? null;
  const free = (alias: string) => notHeldByOthers(alias, request);
  const lastOf = Prisma.sql`left(h."e164", length(h."e164") - ${k}::int) || repeat('9', ${k}::int)`;
  // Ordered by e164 alone, so the index walk stops after `limit` whole blocks instead of sorting them all.
  return Prisma.sql`
    SELECT h."id", h."e164", ${lastOf} AS "last"
    FROM "PhoneNumber" h
    WHERE h."countryCode" = ${request.countryCode} AND h."type" = ${request.type}::"NumberType" AND h."status" = 'AVAILABLE'
      AND (${area}::text IS NULL OR h."areaName" = ${area}::text)
      AND ${headOf(k)}
      AND ${onlyHeld ? Prisma.sql`h."holdId" = ${hold}::text` : free("h")}
      AND (${pattern}::text IS NULL OR EXISTS (
        SELECT 1 FROM "PhoneNumber" p WHERE p."countryCode" = h."countryCode" AND p."type" = h."type"
          AND length(p."e164") = length(h."e164") AND p."e164" BETWEEN h."e164" AND ${lastOf} AND p."e164" LIKE ${pattern}::text))
      AND (SELECT count(*) FROM "PhoneNumber" m
           WHERE m."countryCode" = h."countryCode" AND m."type" = h."type" AND m."status" = 'AVAILABLE'
             AND length(m."e164") = length(h."e164") AND m."e164" BETWEEN h."e164" AND ${lastOf} AND ${free("m")}
          ) = ${request.blockSize}::int
      ${andAlso}
    ORDER BY h."e164"
    LIMIT ${limit}
    FOR UPDATE OF h SKIP LOCKED`;
}

/**
 * The SELECT that locks every member of the claimed blocks (`heads`: a relation with "e164" and
 * "last"). It waits only on a rare single-number claim or hold inside a block; a member that is no
 * longer AVAILABLE, or is now under someone else's live hold (re-checked on the locked row, see
 * notHeldByOthers), drops out, so a block with fewer rows than its size changed under us (BlockRaceError).
 */
export function lockMembersSql(request: BlockRequest, heads: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT m."id", m."e164", h."e164" AS "head"
    FROM "PhoneNumber" m
    JOIN ${heads} ON length(m."e164") = length(h."e164") AND m."e164" BETWEEN h."e164" AND h."last"
    WHERE m."countryCode" = ${request.countryCode} AND m."type" = ${request.type}::"NumberType" AND m."status" = 'AVAILABLE'
      AND ${notHeldByOthers("m", request)}
    ORDER BY m."e164"
    FOR UPDATE OF m`;
}

/**
 * Claims `blockCount` aligned, contiguous, wholly available blocks and locks them for this transaction
 * (see claimHeadsSql, then every member is locked). The caller changes the rows in the same
 * transaction: if it fails, nothing stays reserved. Returns fewer blocks than asked when fewer are left.
 */
export async function claimBlocks(tx: Tx, request: BlockRequest): Promise<Block[]> {
  const claim = (limit: number, onlyHeld: boolean) =>
    tx.$queryRaw<{ id: string; e164: string; last: string }[]>(
      claimHeadsSql(request, Prisma.sql`${limit}::int`, onlyHeld),
    );
  // The partner's own held blocks first, then any free ones.
  const heads = request.holdId ? await claim(request.blockCount, true) : [];
  if (heads.length < request.blockCount) heads.push(...(await claim(request.blockCount - heads.length, false)));
  if (heads.length === 0) return [];
  if (request.blockSize === 1)
    return heads.map((h) => ({ firstE164: h.e164, lastE164: h.e164, ids: [h.id], e164s: [h.e164] }));

  const members = await tx.$queryRaw<{ id: string; e164: string; head: string }[]>(
    lockMembersSql(
      request,
      Prisma.sql`unnest(${heads.map((h) => h.e164)}::text[], ${heads.map((h) => h.last)}::text[]) AS h("e164", "last")`,
    ),
  );
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
