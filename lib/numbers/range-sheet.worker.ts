// The worker thread that reads an uploaded ranges workbook (lib/numbers/range-sheet.ts starts it):
// inspected first, then parsed, off the request's event loop.
import { parentPort, workerData } from "node:worker_threads";
import { inspectWorkbook, SAVE_AGAIN, type WorkbookLimits } from "./xlsx-inspect";
import type { SheetResult } from "./range-sheet";

const { bytes, limits, columns } = workerData as { bytes: Uint8Array; limits: WorkbookLimits; columns: number };

async function readFirstSheet(): Promise<SheetResult> {
  const refusal = inspectWorkbook(bytes, limits);
  if (refusal) return { ok: false, ...refusal };
  // Loaded only for a file that passed: loading exceljs costs about a second of this thread.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    // exceljs's own words ("1:910: undefined entity", "Cannot set properties of undefined") tell an
    // admin nothing: the file is not a workbook it can read.
    console.warn("[numbers] unreadable workbook:", error instanceof Error ? error.message : error);
    return {
      ok: false,
      code: "INVALID",
      message: `This .xlsx workbook cannot be read: it is damaged or not a spreadsheet. ${SAVE_AGAIN}`,
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, code: "INVALID", message: "The workbook has no sheet." };
  const table: string[][] = [];
  // Only the rows the sheet has (no empty ones in between): the header's row number must be 1.
  sheet.eachRow((row, n) => {
    table[n - 1] = Array.from({ length: columns }, (_, i) => String(row.getCell(i + 1).text ?? "").trim());
  });
  return { ok: true, table: Array.from(table, (row) => row ?? []) };
}

void readFirstSheet().then((result) => parentPort!.postMessage(result));
