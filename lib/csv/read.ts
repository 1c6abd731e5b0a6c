import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors";
import { csvValue } from "./cell";

/** A CSV import's file: its header's column names (lower case, spaces as "_") and its records by line. */
export interface CsvTable {
  names: string[];
  rows: { line: number; record: string[] }[];
}

/**
 * Reads an uploaded CSV (a BOM, any line ending, short or long records allowed: the caller's columns
 * decide), each record with the file line it ends on for the import's report. A file that is no CSV,
 * or has no header, is INVALID with what is wrong.
 */
export function readCsvTable(text: string, emptyMessage: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n", "\r"],
    }) as unknown as typeof records;
  } catch (error) {
    throw new AppError("INVALID", `This is not a readable CSV file: ${(error as Error).message}.`);
  }
  const [header, ...body] = records;
  if (!header) throw new AppError("INVALID", emptyMessage);
  return {
    names: header.record.map((name) => csvValue(name).toLowerCase().replace(/\s+/g, "_")),
    rows: body.map(({ record, info }) => ({ line: info.lines, record })),
  };
}
