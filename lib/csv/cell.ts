// Quoted always; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula.
export function csvCell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One CSV record (RFC 4180) with its CRLF. */
export function csvRow(values: string[]) {
  return values.map(csvCell).join(",") + "\r\n";
}

/** Rows as one CSV document. */
export function toCsv(rows: string[][]): string {
  return rows.map(csvRow).join("");
}
