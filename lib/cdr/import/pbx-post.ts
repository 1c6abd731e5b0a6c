import { Readable } from "node:stream";
import type pg from "pg";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { ImportKind } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { csvLine } from "./copy-text";
import { createImportRow } from "./create-import";
import { KIND_NOUN, RECORD_KINDS } from "./kinds";
import { runRecordImport } from "./run-import";

/** A request carries at most this many records: a PBX posts as records arrive, or in small batches. */
export const MAX_POSTED_RECORDS = 50_000;
const REFUSALS_IN_RESPONSE = 100;
/** The key a JSON object body may wrap its records in, per kind: {"calls": [...]}, {"messages": [...]}. */
const WRAPPER_KEY: Record<ImportKind, string> = { CALLS: "calls", SMS: "messages" };

const ZJsonRecords = z
  .array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))
  .max(MAX_POSTED_RECORDS, `At most ${MAX_POSTED_RECORDS} records per request.`);

/** JSON records (keys named like the CSV columns) as the same CSV the file import reads. */
function jsonAsCsv(kind: ImportKind, body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  const key = WRAPPER_KEY[kind];
  const records = ZJsonRecords.safeParse(Array.isArray(parsed) ? parsed : (parsed as Record<string, unknown>)?.[key]);
  if (!records.success)
    throw new AppError(
      "BAD_REQUEST",
      `Send an array of ${KIND_NOUN[kind].one} records (or {"${key}": [...]}): ${records.error.issues[0].message}`,
    );
  const { columns } = RECORD_KINDS[kind];
  const lines = records.data.map((r) =>
    csvLine(columns.map((c) => (r[c] === null || r[c] === undefined ? "" : String(r[c])))),
  );
  return [columns.join(","), ...lines].join("\n");
}

/**
 * Records of one kind posted by a PBX (authenticated by its API key): stored through the same
 * validation and bulk path as a file, limited to that PBX's records, answered with the report. The
 * months it touched are returned for rating in the background. A body that cannot be read (not JSON,
 * no header line, a control character) is a 400 with nothing stored and the import row FAILED.
 */
export async function importPostedRecords(
  db: Db,
  pool: pg.Pool,
  kind: ImportKind,
  pbx: { id: string; serial: string },
  body: string,
  contentType: string,
) {
  const csv = contentType.toLowerCase().includes("json") ? jsonAsCsv(kind, body) : body;
  const { id } = await createImportRow(db, {
    source: "API",
    kind,
    fileName: `api-${kind.toLowerCase()}-${new Date().toISOString()}`,
    pbxId: pbx.id,
  });
  let outcome;
  try {
    // One batch for the whole post: a body that fails half-way (a control character) stores nothing.
    outcome = await runRecordImport(RECORD_KINDS[kind], pool, id, Readable.from([csv]), { batchRows: Infinity });
  } catch (error) {
    await db.cdrImport.update({
      where: { id },
      data: { status: "FAILED", error: error instanceof Error ? error.message : String(error) },
    });
    throw new AppError("BAD_REQUEST", error instanceof Error ? error.message : "The records could not be read.");
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
