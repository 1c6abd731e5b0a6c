/**
 * Monthly partitions of "CallRecord" (docs/decisions/0013). The migration creates the parent and its
 * DEFAULT partition; this creates one partition per calendar month (UTC) in the schema
 * "cdr_partitions" and moves any rows the DEFAULT partition holds for that month into it. It runs
 * from the daily pg-boss job (months ahead), before every import batch (the months the batch
 * touches) and from the seed. Idempotent; concurrent callers serialise on an advisory lock.
 */

/** Anything that runs one SQL statement: a Prisma client (`$executeRawUnsafe`) or a pg client. */
export type RunSql = (sql: string) => Promise<unknown>;

/** Months created ahead of today by the daily job, so inserts never wait on DDL. */
export const PARTITION_MONTHS_AHEAD = 3;

export const PARTITION_LOCK_KEY = 740_001;

function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/** The first day of every month from `from`'s to `to`'s, as YYYY-MM-DD. */
export function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  for (let m = monthStart(from); m <= to; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    months.push(m.toISOString().slice(0, 10));
  }
  return months;
}

/**
 * One statement (a DO block runs in one transaction), so a Prisma client's pool and a single pg
 * connection work alike. The dates come from Date objects, never from input text.
 */
export function ensurePartitionsSql(months: string[]): string {
  if (months.some((m) => !/^\d{4}-\d{2}-01$/.test(m))) throw new Error(`Not month starts: ${months.join(", ")}`);
  const list = months.map((m) => `'${m}'::date`).join(", ");
  return `DO $$
DECLARE
  month date;
  part text;
BEGIN
  PERFORM pg_advisory_xact_lock(${PARTITION_LOCK_KEY});
  FOREACH month IN ARRAY ARRAY[${list}]::date[] LOOP
    part := 'CallRecord_' || to_char(month, 'YYYY_MM');
    CONTINUE WHEN to_regclass(format('cdr_partitions.%I', part)) IS NOT NULL;
    EXECUTE format('CREATE TABLE cdr_partitions.%I (LIKE public."CallRecord" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
    EXECUTE format('WITH moved AS (DELETE FROM cdr_partitions."CallRecord_default" WHERE "startedAt" >= %L AND "startedAt" < %L RETURNING *) INSERT INTO cdr_partitions.%I SELECT * FROM moved',
      month, month + interval '1 month', part);
    EXECUTE format('ALTER TABLE public."CallRecord" ATTACH PARTITION cdr_partitions.%I FOR VALUES FROM (%L) TO (%L)',
      part, month, (month + interval '1 month')::date);
  END LOOP;
END
$$`;
}

export async function ensureCallRecordPartitions(run: RunSql, from: Date, to: Date): Promise<void> {
  const months = monthsBetween(from, to);
  if (months.length > 0) await run(ensurePartitionsSql(months));
}

/** For the daily job: the months of every row sitting in the DEFAULT partition, and the months ahead. */
export async function ensurePartitionsAhead(
  query: (sql: string) => Promise<{ first: Date | null }[]>,
  run: RunSql,
  now = new Date(),
): Promise<void> {
  const [{ first }] = await query(`SELECT min("startedAt") AS first FROM cdr_partitions."CallRecord_default"`);
  const ahead = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + PARTITION_MONTHS_AHEAD, 1));
  await ensureCallRecordPartitions(run, first && first < now ? first : now, ahead);
}
