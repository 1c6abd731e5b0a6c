import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { toCsv } from "@/lib/csv/cell";
import { AppError } from "@/lib/errors";
import { storageDriver } from "@/lib/storage";
import type { ImportKind } from "@/lib/db/generated/client";
import { createImportRow } from "./create-import";
import { KIND_NOUN } from "./kinds";

export const IMPORTS_PAGE_SIZE = 20;

/**
 * Stores an uploaded file of call (or SMS) records and creates its import row (QUEUED); the caller
 * queues the job once this returns. A CSV is text: a file with NUL bytes in its head is refused
 * before it is stored.
 */
export async function startUploadImport(
  db: Db,
  actor: Actor,
  { fileName, bytes, kind = "CALLS" }: { fileName: string; bytes: Uint8Array; kind?: ImportKind },
) {
  assertCan(actor, "cdr.import");
  if (bytes.byteLength === 0) throw new AppError("INVALID", "The file is empty.");
  if (!/\.csv$/i.test(fileName) || bytes.subarray(0, 8192).includes(0))
    throw new AppError(
      "INVALID",
      `Upload a CSV file (text, one ${KIND_NOUN[kind].one} per line, a header line first).`,
    );
  const storageKey = `cdr-import-${randomUUID()}`;
  await storageDriver().put(storageKey, bytes, "text/csv");
  return createImportRow(db, {
    source: "UPLOAD",
    kind,
    fileName: fileName.slice(0, 200),
    storageKey,
    createdById: actor.userId,
  });
}

const LIST_SELECT = {
  id: true,
  source: true,
  kind: true,
  fileName: true,
  status: true,
  rowsRead: true,
  rowsStored: true,
  rowsDuplicate: true,
  rowsRefused: true,
  createdAt: true,
  finishedAt: true,
  pbx: { select: { name: true, serial: true } },
  createdBy: { select: { name: true } },
} as const;

/** Every import, newest first (the operator's view: imports span tenants). */
export async function listCdrImports(db: Db, actor: Actor, page: number) {
  assertCan(actor, "cdr.import");
  const [rows, total] = await Promise.all([
    db.cdrImport.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * IMPORTS_PAGE_SIZE,
      take: IMPORTS_PAGE_SIZE,
      select: LIST_SELECT,
    }),
    db.cdrImport.count(),
  ]);
  return { rows, total, page, pageSize: IMPORTS_PAGE_SIZE };
}

/** One import's progress and report, with its first refused rows. */
export async function cdrImportDetail(db: Db, actor: Actor, id: string) {
  assertCan(actor, "cdr.import");
  const row = await db.cdrImport.findUnique({
    where: { id },
    select: {
      ...LIST_SELECT,
      report: true,
      error: true,
      startedAt: true,
      committedLine: true,
      refusedRows: { orderBy: { line: "asc" }, take: 50, select: { line: true, reasons: true, raw: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "This import does not exist.");
  return { ...row, report: (row.report ?? {}) as Record<string, number> };
}

/** The refused rows kept for an import, as CSV: line, reasons, and the row as it was read. */
export async function refusedRowsCsv(db: Db, actor: Actor, id: string) {
  const detail = await cdrImportDetail(db, actor, id);
  const rows = await db.cdrImportRefusal.findMany({
    where: { importId: id },
    orderBy: { line: "asc" },
    select: { line: true, reasons: true, raw: true },
  });
  // What a person opens in a spreadsheet goes through the writer that neutralises formula cells: a
  // refused row is whatever a PBX or a file sent.
  const csv = toCsv([["line", "reasons", "row"], ...rows.map((r) => [String(r.line), r.reasons, r.raw])]);
  return { fileName: `${detail.fileName.replace(/\.csv$/i, "")}-refused.csv`, csv };
}
