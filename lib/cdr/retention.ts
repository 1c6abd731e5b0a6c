import type { Db } from "@/lib/db/client";
import { PARTITION_LOCK_KEY } from "./partitions";

/** How many months of calls are kept when CDR_RETENTION_MONTHS is not set (docs/scaling.md). */
export const DEFAULT_RETENTION_MONTHS = 24;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The first instant of the oldest month of calls kept (UTC): the month `months` before `now`'s.
 * With 24 at any time in December 2026, calls from 1 December 2024 on are kept.
 */
export function keptFrom(now: Date, months: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
}

/**
 * The first partner-local day label whose calls are all kept: a day label starts up to 14 hours
 * before its UTC day, so the kept month's first label may begin in a dropped one. Roll-ups of days
 * before it are never rebuilt from the raw table again (they would lose the dropped calls).
 */
export function firstRebuildableDay(now: Date, months: number): Date {
  return new Date(keptFrom(now, months).getTime() + DAY_MS);
}

/**
 * Drops the call table's monthly partitions wholly before `kept` (detached, then dropped: metadata
 * changes, no row deleted one by one) and the DEFAULT partition's rows before it, in one transaction
 * under the partitions' advisory lock, so it never races their creation. The roll-ups, the rankings
 * and the SMS records stay. Detaching locks the call table for a moment (DETACH … CONCURRENTLY
 * cannot run in a transaction). Returns the partitions dropped.
 */
export async function dropCallMonthsBefore(db: Db, kept: Date): Promise<string[]> {
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PARTITION_LOCK_KEY})`);
    const parts = await tx.$queryRawUnsafe<{ name: string }[]>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = '"CallRecord"'::regclass AND c.relname ~ '^CallRecord_[0-9]{4}_[0-9]{2}$'
         AND to_date(substr(c.relname, 12), 'YYYY_MM') < $1::date
       ORDER BY 1`,
      kept,
    );
    // The names come from the catalogue and match the pattern above: safe to quote into DDL.
    for (const { name } of parts) {
      await tx.$executeRawUnsafe(`ALTER TABLE "CallRecord" DETACH PARTITION cdr_partitions."${name}"`);
      await tx.$executeRawUnsafe(`DROP TABLE cdr_partitions."${name}"`);
    }
    await tx.$executeRawUnsafe(`DELETE FROM cdr_partitions."CallRecord_default" WHERE "startedAt" < $1`, kept);
    return parts.map((p) => p.name);
  }, RETENTION_TRANSACTION);
}

const RETENTION_TRANSACTION = { timeout: 10 * 60_000, maxWait: 60_000 };
