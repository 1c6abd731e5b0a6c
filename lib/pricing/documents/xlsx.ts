import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { formatDate } from "@/lib/format";
import { INCLUDED_PER_USER, type Catalogue } from "../catalogue";
import { PRICE_PLACES } from "../rounding";
import { DRAFT_STATUS, formatPrice, priceListSections, type Column, type PriceListSection } from "./sections";

/** Excel's number format for a price column: the currency's symbol and the stored precision. */
function priceFormat(currency: string, kind: Exclude<Column["kind"], "text">) {
  const symbol =
    new Intl.NumberFormat("en-GB", { style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency")
      ?.value ?? currency;
  return `"${symbol}"#,##0.${"0".repeat(PRICE_PLACES[kind])}`;
}

/**
 * The price list as a workbook streamed to `output`: an overview sheet, then one sheet per section
 * with a frozen, filterable header row, prices stored as numbers in currency formats, and columns
 * as wide as their content. Rows are committed as they are written (exceljs's streaming writer).
 */
export async function writePriceListXlsx(c: Catalogue, output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "CLASSOUND";
  workbook.title = `CLASSOUND price list – ${c.tier.name}`;

  const overview = workbook.addWorksheet("Overview");
  overview.columns = [{ width: 22 }, { width: 60 }];
  const facts: [string, string | Date][] = [
    ["Price list", c.name],
    ["Tier", c.tier.name],
    ["Currency", c.currency],
    c.isDraft ? ["Status", `${DRAFT_STATUS} (dated ${formatDate(c.validFrom)})`] : ["In force from", c.validFrom],
    ["Prices", "Excluding VAT"],
    [
      "Included per user",
      `${INCLUDED_PER_USER.area1Minutes} minutes a month to Area 1 and ${INCLUDED_PER_USER.sms} SMS`,
    ],
  ];
  for (const [label, value] of facts) {
    const row = overview.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = "d mmmm yyyy";
    row.commit();
  }
  overview.commit();

  for (const section of priceListSections(c)) await writeSection(workbook, section, c.currency);
  await workbook.commit();
}

// Committed rows only reach the zip, and the zip the response, when the event loop turns: writing
// every sheet in one synchronous go held the first byte back until the whole workbook was built.
const ROWS_PER_TURN = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function writeSection(workbook: ExcelJS.stream.xlsx.WorkbookWriter, section: PriceListSection, currency: string) {
  const sheet = workbook.addWorksheet(section.title.replace(/[[\]*?/\\:]/g, "").slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  // Widths must be known before the first row is committed: measured from the text every cell will show.
  sheet.columns = section.columns.map((column, i) => ({
    header: column.header,
    width: Math.min(60, 2 + Math.max(column.header.length, ...section.rows.map((row) => shownLength(row[i], column)))),
    style:
      column.kind === "text" ? {} : { numFmt: priceFormat(currency, column.kind), alignment: { horizontal: "right" } },
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: section.columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF0F4C5C" } };
  header.commit();
  for (const [i, cells] of section.rows.entries()) {
    if (i % ROWS_PER_TURN === 0) await nextTurn();
    sheet.addRow(cells.map((cell) => (cell === null || typeof cell === "string" ? cell : cell.toNumber()))).commit();
  }
  sheet.commit();
}

function shownLength(cell: PriceListSection["rows"][number][number], column: Column) {
  if (cell === null) return 1;
  return typeof cell === "string"
    ? cell.length
    : formatPrice(cell, column.kind === "text" ? "fee" : column.kind).length + 3;
}
