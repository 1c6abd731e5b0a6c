import { Readable } from "node:stream";
import type pg from "pg";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { CALL_COLUMNS } from "./call-row";
import { csvLine } from "./copy-text";
import { createImportRow } from "./create-import";
import { runCallImport } from "./import-calls";

/** A request carries at most this many records: a PBX posts as calls end, or in small batches. */
export const MAX_API_RECORDS = 50_000;
const REFUSALS_IN_RESPONSE = 100;

const ZJsonRecords = z
  .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
  .max(MAX_API_RECORDS, `At most ${MAX_API_RECORDS} records per request.`);

/** JSON records (keys named like the CSV columns) as the same CSV the file import reads. */
function jsonAsCsv(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new AppError("INVALID", "The body is not valid JSON.");
  }
  const records = ZJsonRecords.safeParse(Array.isArray(parsed) ? parsed : (parsed as { calls?: unknown })?.calls);
  if (!records.success)
    throw new AppError(
      "INVALID",
      `Send an array of call records (or {"calls": [...]}): ${records.error.issues[0].message}`,
    );
  const lines = records.data.map((r) =>
    csvLine(CALL_COLUMNS.map((c) => (r[c] === null || r[c] === undefined ? "" : String(r[c])))),
  );
  return [CALL_COLUMNS.join(","), ...lines].join("\n");
}

/**
 * Calls posted by a PBX (authenticated by its API key): stored through the same validation and
 * bulk path as a file, limited to that PBX's calls, answered with the report. The months it
 * touched are returned for rating in the background.
 */
export async function importFromPbx(
  db: Db,
  pool: pg.Pool,
  pbx: { id: string; serial: string },
  body: string,
  contentType: string,
) {
  const csv = contentType.toLowerCase().includes("json") ? jsonAsCsv(body) : body;
  const { id } = await createImportRow(db, {
    source: "API",
    fileName: `api-${new Date().toISOString()}`,
    pbxId: pbx.id,
  });
  let outcome;
  try {
    outcome = await runCallImport(pool, id, Readable.from([csv]));
  } catch (error) {
    await db.cdrImport.update({
      where: { id },
      data: { status: "FAILED", error: error instanceof Error ? error.message : String(error) },
    });
    throw new AppError("INVALID", error instanceof Error ? error.message : "The records could not be read.");
  }
  const refused = await db.cdrImportRefusal.findMany({
    where: { importId: id },
    orderBy: { line: "asc" },
    take: REFUSALS_IN_RESPONSE,
    select: { line: true, reasons: true },
  });
  return {
    importId: id,
    rowsRead: outcome.rowsRead,
    rowsStored: outcome.rowsStored,
    rowsDuplicate: outcome.rowsDuplicate,
    rowsRefused: outcome.rowsRefused,
    report: outcome.report,
    refused,
    months: outcome.months,
  };
}
