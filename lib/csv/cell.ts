// Quoted always; a leading = + - @ is neutralised with an apostrophe so a spreadsheet never runs a
// cell as a formula. `csvValue` undoes it, so a file we exported imports back unchanged.
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

/** A cell as read back: trimmed, without the apostrophe `toCsv` put before a formula character. */
export function csvValue(value: string | undefined): string {
  const trimmed = (value ?? "").trim();
  return /^'[=+\-@]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}
