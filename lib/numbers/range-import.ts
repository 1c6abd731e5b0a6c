import { parsePhoneNumberFromString } from "libphonenumber-js";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { NumberType } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { NUMBER_TYPES } from "./blocks";
import { RANGE_COLUMNS } from "./range-import-columns";
import { readRangeSheet, type SheetReadLimits } from "./range-sheet";

/** One range at most this big: a bigger block is a typo more often than a real allocation. */
export const MAX_RANGE_SIZE = 100_000;
/** A ranges file lists ranges, not numbers: a few hundred rows in practice. */
export const RANGE_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const RANGE_FILE_MAX_ROWS = 5000;
/** What reading an .xlsx may cost (lib/numbers/range-sheet.ts): generous for any real ranges workbook. */
export const RANGE_SHEET_LIMITS: SheetReadLimits = {
  maxUnpackedBytes: 20 * 1024 * 1024,
  maxParts: 100,
  maxRows: RANGE_FILE_MAX_ROWS + 1,
  maxColumns: 256,
  timeLimitMs: 10_000,
  heapMb: 256,
};

export interface RangeRow {
  row: number;
  countryCode: string;
  type: string;
  areaName: string;
  firstE164: string;
  lastE164: string;
  error?: string;
}

type Tx = Prisma.TransactionClient;

/** Cells of a CSV line (RFC 4180 quotes). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  return [...cells, cell].map((v) => v.trim());
}

// Control characters (NUL first) are nobody's data, and PostgreSQL refuses a NUL in the stored report.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The table of an uploaded file: an .xlsx's first sheet (read in a worker) or a CSV's lines. */
async function readTable(fileName: string, bytes: ArrayBuffer, limits: SheetReadLimits): Promise<string[][]> {
  if (bytes.byteLength > RANGE_FILE_MAX_BYTES)
    throw new AppError(
      "TOO_LARGE",
      `A ranges file is at most ${RANGE_FILE_MAX_BYTES / 1024 / 1024} MB: it lists ranges, not numbers. Split it.`,
    );
  if (/\.xlsx$/i.test(fileName)) return readRangeSheet(new Uint8Array(bytes), RANGE_COLUMNS.length, limits);
  if (/\.csv$/i.test(fileName)) return new TextDecoder().decode(bytes).split(/\r?\n/).map(csvCells);
  throw new AppError("INVALID", "Upload a .csv or .xlsx file.");
}

/** The rows of an uploaded CSV or Excel file, numbered as the admin sees them (header = row 1). */
export async function readRangeFile(
  fileName: string,
  bytes: ArrayBuffer,
  limits = RANGE_SHEET_LIMITS,
): Promise<RangeRow[]> {
  const table = await readTable(fileName, bytes, limits);
  const header = (table[0] ?? []).map((h) => h.toLowerCase());
  if (RANGE_COLUMNS.some((c, i) => header[i] !== c.toLowerCase()))
    throw new AppError("INVALID", `The first row must name the columns: ${RANGE_COLUMNS.join(", ")}.`);
  const rows = table.slice(1).flatMap((cells, i) => {
    if (!cells?.some(Boolean)) return [];
    const hasControl = cells.slice(0, RANGE_COLUMNS.length).some((cell) => cell.search(CONTROL_CHARACTERS) >= 0);
    const cell = (n: number) => (cells[n] ?? "").replace(CONTROL_CHARACTERS, "");
    return [
      {
        row: i + 2,
        countryCode: cell(0).toUpperCase(),
        type: cell(1).toUpperCase(),
        areaName: cell(2),
        firstE164: cell(3),
        lastE164: cell(4),
        ...(hasControl ? { error: "The row holds control characters (such as NUL): remove them." } : {}),
      },
    ];
  });
  if (rows.length > RANGE_FILE_MAX_ROWS)
    throw new AppError(
      "TOO_LARGE",
      `A ranges file has at most ${RANGE_FILE_MAX_ROWS} rows below its header: split it.`,
    );
  return rows;
}

const digits = (e164: string) => BigInt(e164.slice(1));
const overlaps = (a: { firstE164: string; lastE164: string }, b: { firstE164: string; lastE164: string }) =>
  a.firstE164.length === b.firstE164.length && a.firstE164 <= b.lastE164 && b.firstE164 <= a.lastE164;

function rowError(row: RangeRow, countries: ReadonlySet<string>): string | undefined {
  if (!countries.has(row.countryCode)) return `“${row.countryCode}” is not a country of the catalogue.`;
  if (!(NUMBER_TYPES as readonly string[]).includes(row.type)) return `Type must be one of ${NUMBER_TYPES.join(", ")}.`;
  for (const [label, value] of [
    ["First", row.firstE164],
    ["Last", row.lastE164],
  ] as const) {
    const parsed = /^\+[1-9]\d{6,14}$/.test(value) ? parsePhoneNumberFromString(value) : undefined;
    if (!parsed) return `${label} number “${value}” is not in E.164 (+ then digits).`;
    if (!parsed.isValid()) return `${label} number ${value} is not a valid number.`;
    if (parsed.country !== row.countryCode) return `${label} number ${value} is not a number of ${row.countryCode}.`;
  }
  if (row.firstE164.length !== row.lastE164.length || row.lastE164 < row.firstE164)
    return "Last must be a number of the same length after First.";
  if (digits(row.lastE164) - digits(row.firstE164) + 1n > BigInt(MAX_RANGE_SIZE))
    return `A range holds at most ${MAX_RANGE_SIZE.toLocaleString("en")} numbers.`;
}

/** Checks every row: the number plan, then overlaps with the inventory, then with earlier rows of the file. */
async function checkRows(tx: Tx | Db, rows: RangeRow[]): Promise<RangeRow[]> {
  const countries = new Set((await tx.country.findMany({ select: { code: true } })).map((c) => c.code));
  const accepted: RangeRow[] = [];
  const out: RangeRow[] = [];
  for (const raw of rows) {
    const row: RangeRow = { ...raw, error: raw.error ?? rowError(raw, countries) };
    if (!row.error) {
      const existing = await tx.numberRange.findFirst({
        where: { firstE164: { lte: row.lastE164 }, lastE164: { gte: row.firstE164 } },
        select: { firstE164: true, lastE164: true },
      });
      const loose =
        existing && overlaps(existing, row)
          ? existing
          : await tx.phoneNumber.findFirst({
              where: { e164: { gte: row.firstE164, lte: row.lastE164 } },
              select: { e164: true },
            });
      const twin = accepted.find((a) => overlaps(a, row));
      if (existing && overlaps(existing, row))
        row.error = `Overlaps the range ${existing.firstE164} – ${existing.lastE164} already in the inventory.`;
      else if (loose && "e164" in loose && loose.e164.length === row.firstE164.length)
        row.error = `${loose.e164} is already in the inventory.`;
      else if (twin) row.error = `Overlaps row ${twin.row} of this file.`;
      else accepted.push(row);
    }
    out.push(row);
  }
  return out;
}

/** Reads and checks a file and keeps its report: the admin sees every row's fate before committing. */
export async function previewRangeImport(db: Db, actor: Actor, file: { name: string; bytes: ArrayBuffer }) {
  assertCan(actor, "numbers.manage_inventory");
  const rows = await checkRows(db, await readRangeFile(file.name, file.bytes));
  if (rows.length === 0) throw new AppError("INVALID", "The file has no ranges below its header row.");
  const accepted = rows.filter((r) => !r.error);
  const created = await db.numberRangeImport.create({
    data: {
      fileName: file.name.replace(CONTROL_CHARACTERS, "").slice(0, 200),
      rowCount: rows.length,
      acceptedCount: accepted.length,
      rejectedCount: rows.length - accepted.length,
      numberCount: accepted.reduce((sum, r) => sum + Number(digits(r.lastE164) - digits(r.firstE164) + 1n), 0),
      report: rows as unknown as Prisma.InputJsonValue,
      createdById: actor.userId,
    },
    select: { id: true },
  });
  await recordAudit(db, {
    actorId: actor.userId,
    action: "numbers.import_previewed",
    entityType: "NumberRangeImport",
    entityId: created.id,
    detail: {
      fileName: file.name.replace(CONTROL_CHARACTERS, ""),
      rows: rows.length,
      refused: rows.length - accepted.length,
    },
  });
  return created;
}

/**
 * Commits the accepted rows of a previewed import in one transaction: every range and number or
 * none. Rows are checked again inside it (another import may have taken a range meanwhile), under a
 * lock so two commits cannot both pass the overlap check.
 */
export async function commitRangeImport(db: Db, actor: Actor, input: { importId: string }) {
  assertCan(actor, "numbers.manage_inventory");
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('numbers.range-import'))`;
      const found = await tx.numberRangeImport.findUnique({
        where: { id: input.importId },
        select: { id: true, status: true, report: true },
      });
      if (!found) throw new AppError("NOT_FOUND", "This import does not exist.");
      if (found.status !== "PREVIEWED") throw new AppError("CONFLICT", "This import was already committed.");
      const rows = await checkRows(
        tx,
        (found.report as unknown as RangeRow[]).filter((r) => !r.error),
      );
      const newlyRefused = rows.filter((r) => r.error);
      if (newlyRefused.length)
        throw new AppError("CONFLICT", `Row ${newlyRefused[0].row}: ${newlyRefused[0].error} Upload the file again.`);
      let numbers = 0;
      for (const row of rows) {
        const size = Number(digits(row.lastE164) - digits(row.firstE164) + 1n);
        const range = await tx.numberRange.create({
          data: {
            countryCode: row.countryCode,
            type: row.type as NumberType,
            areaName: row.areaName || null,
            firstE164: row.firstE164,
            lastE164: row.lastE164,
            size,
            importId: found.id,
          },
          select: { id: true },
        });
        const first = digits(row.firstE164);
        // One set-based insert per range: generate_series over up to 100,000 numbers.
        await tx.$executeRaw`
          INSERT INTO "PhoneNumber" ("id", "e164", "countryCode", "type", "status", "areaName", "rangeId", "createdAt", "updatedAt")
          SELECT 'c' || replace(gen_random_uuid()::text, '-', ''), '+' || (${first.toString()}::numeric + g)::text, ${row.countryCode}, ${row.type}::"NumberType", 'AVAILABLE', ${row.areaName || null}, ${range.id}, now(), now()
          FROM generate_series(0, ${size - 1}::int) AS g`;
        numbers += size;
      }
      await tx.numberRangeImport.update({
        where: { id: found.id },
        data: { status: "COMMITTED", committedAt: new Date(), numberCount: numbers },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "numbers.import_committed",
        entityType: "NumberRangeImport",
        entityId: found.id,
        detail: { ranges: rows.length, numbers },
      });
      return { ranges: rows.length, numbers };
    },
    { timeout: 120_000 },
  );
}
