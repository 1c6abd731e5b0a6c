import ExcelJS from "exceljs";
import { Prisma } from "@/lib/db/generated/client";
import { formatNumber } from "@/lib/format";
import type { Cell, PriceListSection } from "../documents/sections";
import { PRICE_PLACES, type PriceKind } from "../rounding";

export interface CellError {
  sheet: string;
  /** The cell as Excel names it ("D7"); the row's first cell for a row-level problem. */
  cell: string;
  message: string;
}

/**
 * The highest price a cell can plausibly hold, per kind: a fee (flat fee per user, a number's setup or
 * monthly fee) or a per-minute / per-SMS rate. Above it the import warns but does not refuse: an
 * operator may really charge it, but a stray digit or a pasted reference is likelier (decision 0048).
 */
export const PLAUSIBLE_PRICE_MAX: Record<PriceKind, Prisma.Decimal> = {
  fee: new Prisma.Decimal(10_000),
  rate: new Prisma.Decimal(10),
};

/**
 * Reads an edited price-list workbook back against the sections it was exported from: same sheets and
 * header rows; every price a number of at most the column's precision and not negative; every country
 * one the catalogue knows; no row dropped from the flat-fee bands. Returns the rows as read, every
 * problem with its cell (so the admin can fix them all at once) and every implausible price as a
 * warning, which does not stop the import.
 */
export async function readPriceListWorkbook(
  file: ArrayBuffer | Buffer,
  expected: PriceListSection[],
  knownCountries: ReadonlySet<string>,
) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as ArrayBuffer);
  const errors: CellError[] = [];
  const warnings: CellError[] = [];
  const sections = expected.map((section) => {
    const sheet = workbook.getWorksheet(section.title);
    if (!sheet) {
      errors.push({ sheet: section.title, cell: "A1", message: `The sheet “${section.title}” is missing.` });
      return { ...section, rows: [] as Cell[][], rowNumbers: [] as number[] };
    }
    section.columns.forEach((column, i) => {
      if (String(sheet.getRow(1).getCell(i + 1).value ?? "") !== column.header) {
        errors.push({
          sheet: section.title,
          cell: cellRef(1, i + 1),
          message: `The header should read “${column.header}”.`,
        });
      }
    });
    const rows: Cell[][] = [];
    const rowNumbers: number[] = [];
    for (let r = 2; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      if (!row.hasValues) continue;
      rowNumbers.push(r);
      rows.push(
        section.columns.map((column, i) =>
          readCell(
            row.getCell(i + 1).value,
            column,
            { sheet: section.title, cell: cellRef(r, i + 1) },
            knownCountries,
            errors,
            warnings,
          ),
        ),
      );
    }
    if (section.id === "flat-fee" && rows.length < section.rows.length) {
      errors.push({
        sheet: section.title,
        cell: cellRef(rows.length + 2, 1),
        message: `A flat-fee band is missing: ${section.rows.length} expected, ${rows.length} found.`,
      });
    }
    return { ...section, rows, rowNumbers };
  });
  return { sections, errors, warnings };
}
export type ReadSection = Awaited<ReturnType<typeof readPriceListWorkbook>>["sections"][number];

function readCell(
  value: ExcelJS.CellValue,
  column: PriceListSection["columns"][number],
  at: Omit<CellError, "message">,
  countries: ReadonlySet<string>,
  errors: CellError[],
  warnings: CellError[],
): Cell {
  const fail = (message: string) => (errors.push({ ...at, message }), null);
  const formula = formulaOf(value);
  if (formula !== undefined)
    return fail(`This cell holds ${formula}: type the ${column.kind === "text" ? "text" : "price"} itself.`);
  value = plainValue(value);
  if (column.kind === "text") {
    const text = value === null || value === undefined ? "" : String(value).trim();
    if (!text) return fail(`${column.header} is empty.`);
    if (column.header === "Country" && !countries.has(text))
      return fail(`“${text}” is not a country of the catalogue.`);
    return text;
  }
  if (value === null || value === undefined || value === "—")
    return column.isOptional ? null : fail(`${column.header} is empty.`);
  if (typeof value !== "number" || !Number.isFinite(value)) return fail(`“${String(value)}” is not a number.`);
  if (value < 0) return fail("A price cannot be negative.");
  // A binary double read from the sheet, back to the decimal the admin typed, at the column's precision.
  const price = new Prisma.Decimal(value.toFixed(PRICE_PLACES[column.kind]));
  const max = PLAUSIBLE_PRICE_MAX[column.kind];
  if (price.greaterThan(max))
    warnings.push({
      ...at,
      message: `${formatNumber(price.toNumber())} is far above any ${column.kind === "fee" ? "fee" : "rate"} we expect (more than ${formatNumber(max.toNumber())}): check it before publishing.`,
    });
  return price;
}

/** A formula, in words: a sheet edited in Excel may compute a price, but the portal stores what was typed. */
function formulaOf(value: ExcelJS.CellValue) {
  if (value === null || typeof value !== "object" || value instanceof Date) return undefined;
  if ("formula" in value && value.formula) return `the formula =${value.formula}`;
  if ("sharedFormula" in value && value.sharedFormula) return `a formula copied from ${value.sharedFormula}`;
  return undefined;
}

/** What a person sees in a cell exceljs reads as an object: rich or linked text as its text, an error as shown. */
function plainValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return value.text;
  if ("error" in value) return value.error;
  return value;
}

export function cellRef(row: number, column: number) {
  return `${String.fromCharCode(64 + column)}${row}`;
}
