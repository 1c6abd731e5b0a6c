import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { SAVE_AGAIN, type WorkbookLimits, type WorkbookRefusal } from "./xlsx-inspect";

export type SheetResult = { ok: true; table: string[][] } | ({ ok: false } & WorkbookRefusal);

export interface SheetReadLimits extends WorkbookLimits {
  /** How long the worker may take before it is stopped. */
  timeLimitMs: number;
  /** The worker's JavaScript heap: a workbook that needs more is refused, the server stays up. */
  heapMb: number;
}

// Node runs no TypeScript in a worker by itself, and Turbopack (Next 16.4) copies a worker entry as
// a lone asset rather than bundling it: an eval worker registers tsx's require hook (tsx runs the
// app already: npm start) and loads the entry's source, the same in the built app, Vitest and scripts.
const WORKER_SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), "range-sheet.worker.ts");
const TSX_BOOTSTRAP = `require("tsx/cjs/api").register(); require(require("node:worker_threads").workerData.entry);`;

const startWorker = (options: WorkerOptions) =>
  new Worker(TSX_BOOTSTRAP, { ...options, eval: true, workerData: { ...options.workerData, entry: WORKER_SOURCE } });

/**
 * The first sheet of an .xlsx as rows of `columns` cells of text, read in a worker thread so a
 * hostile or huge workbook costs that thread, never the event loop other users' requests wait on:
 * the worker inspects the file before parsing (lib/numbers/xlsx-inspect.ts), is stopped at the time
 * limit, and is refused more heap than the limit. Every way it fails is a 4xx AppError.
 */
export async function readRangeSheet(bytes: Uint8Array, columns: number, limits: SheetReadLimits): Promise<string[][]> {
  // Every .xlsx is a zip, which starts with a local file header: anything else needs no thread.
  if (bytes.length < 4 || Buffer.from(bytes.subarray(0, 4)).readUInt32LE(0) !== 0x04034b50)
    throw new AppError("INVALID", "This is not a readable .xlsx workbook (it is not a zip archive). " + SAVE_AGAIN);
  const { timeLimitMs, heapMb, ...workbookLimits } = limits;
  return new Promise((resolve, reject) => {
    const worker = startWorker({
      workerData: { bytes, limits: workbookLimits, columns },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(32, heapMb / 4) },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new AppError(
              "TOO_LARGE",
              `The workbook took longer than ${timeLimitMs / 1000} s to read. Keep only the ranges in it, or save it as .csv.`,
            ),
          ),
        ),
      timeLimitMs,
    );
    worker.on("message", (result: SheetResult) =>
      settle(() => (result.ok ? resolve(result.table) : reject(new AppError(result.code, result.message)))),
    );
    worker.on("error", (error: Error & { code?: string }) =>
      settle(() => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY")
          return reject(
            new AppError(
              "TOO_LARGE",
              "The workbook needs more memory to read than an import may use. Save it as .csv.",
            ),
          );
        console.error("[numbers] the workbook reader failed", error);
        reject(new AppError("INVALID", `This .xlsx workbook cannot be read. ${SAVE_AGAIN}`));
      }),
    );
    worker.on("exit", () =>
      settle(() => reject(new AppError("INVALID", `This .xlsx workbook cannot be read. ${SAVE_AGAIN}`))),
    );
  });
}
