import { toCsv } from "@/lib/csv/cell";
import type { TRegisterPbxInput } from "@/lib/pbx/schemas";

/**
 * The PBX import file: one PBX a row, under this header (any order, any case). `customer` is the
 * customer's name or id among the importer's own customers; `plan` is MONTHLY, YEARLY, FIVE_YEAR or
 * LIFETIME; `licensing` PER_USER or PER_SYSTEM; dates are YYYY-MM-DD, `term_end` empty for LIFETIME;
 * `basic` to `premium` are user counts, 0 if none.
 */
export const PBX_CSV_COLUMNS = [
  "customer",
  "serial",
  "name",
  "licensing",
  "plan",
  "term_start",
  "term_end",
  "basic",
  "essential",
  "business",
  "premium",
  "software_version",
] as const;
export type PbxCsvColumn = (typeof PBX_CSV_COLUMNS)[number];

/** At most this many PBXs a file: all are checked, then stored in one transaction. */
export const PBX_IMPORT_MAX_ROWS = 2000;
/** A file of 2,000 rows is about 200 KB; five times that leaves room for long names. */
export const PBX_IMPORT_MAX_BYTES = 1_000_000;

/** The registration field each column fills, so a refusal of the schema names the file's column. */
export const FIELD_OF_COLUMN: Record<Exclude<PbxCsvColumn, "customer">, keyof TRegisterPbxInput> = {
  serial: "serial",
  name: "name",
  licensing: "licensing",
  plan: "licensePlan",
  term_start: "termStart",
  term_end: "termEnd",
  basic: "basic",
  essential: "essential",
  business: "business",
  premium: "premium",
  software_version: "softwareVersion",
};
export const COLUMN_OF_FIELD: Record<string, PbxCsvColumn> = {
  customerId: "customer",
  ...Object.fromEntries(Object.entries(FIELD_OF_COLUMN).map(([column, field]) => [field, column as PbxCsvColumn])),
};

/** The downloadable template: the header and two example rows to overwrite. */
export function pbxImportTemplate(): string {
  return toCsv([
    [...PBX_CSV_COLUMNS],
    [
      "Your customer's name",
      "CS-4F9A-21C7",
      "Munich HQ",
      "PER_USER",
      "YEARLY",
      "2026-05-01",
      "2027-05-01",
      "4",
      "0",
      "2",
      "0",
      "6.01.20240310.2",
    ],
    [
      "Your customer's name",
      "CS-77B0-0D15",
      "Warehouse",
      "PER_SYSTEM",
      "LIFETIME",
      "2024-01-15",
      "",
      "8",
      "0",
      "0",
      "0",
      "5.03.20210826.1",
    ],
  ]);
}
