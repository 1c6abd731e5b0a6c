import { Readable } from "node:stream";
import type pg from "pg";
import { rateArrivals } from "@/lib/cdr/rate-arrivals";
import type { Db } from "@/lib/db/client";
import { storageDriver } from "@/lib/storage";
import { RECORD_KINDS } from "./kinds";
import { runRecordImport, type ImportOutcome } from "./run-import";

/**
 * Runs (or resumes) an import whose file waits in storage, then rates what it stored and rolls it up
 * (`rateArrivals`) and deletes the file (calls or SMS: the months' rating covers both). A failure marks the row FAILED with the reason and rethrows, so the queue's
 * retry resumes after the last committed batch. Every tenant: a job or an admin's own import.
 */
export async function unsafeRunStoredImport(
  db: Db,
  pool: pg.Pool,
  importId: string,
  { batchRows, now = new Date() }: { batchRows?: number; now?: Date } = {},
): Promise<(ImportOutcome & { rated: Awaited<ReturnType<typeof rateArrivals>> }) | null> {
  const row = await db.cdrImport.findUnique({
    where: { id: importId },
    select: { storageKey: true, status: true, pbxId: true, kind: true },
  });
  if (!row || row.status === "DONE" || !row.storageKey) return null;
  try {
    const bytes = await storageDriver().get(row.storageKey);
    const outcome = await runRecordImport(RECORD_KINDS[row.kind], pool, importId, Readable.from([Buffer.from(bytes)]), {
      batchRows,
    });
    const rated = await rateArrivals(db, outcome.months, row.pbxId ? [row.pbxId] : undefined, now);
    await storageDriver()
      .delete(row.storageKey)
      .catch(() => {});
    await db.cdrImport.update({ where: { id: importId }, data: { storageKey: null } });
    return { ...outcome, rated };
  } catch (error) {
    await db.cdrImport.update({
      where: { id: importId },
      data: { status: "FAILED", error: error instanceof Error ? error.message : String(error) },
    });
    throw error;
  }
}
