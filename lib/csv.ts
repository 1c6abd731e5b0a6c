// Quoted always; a leading = + - @ is neutralised with an apostrophe so a spreadsheet never runs a
// cell as a formula. `csvValue` undoes it, so a file we exported imports back unchanged.
function cell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows as CSV (RFC 4180, CRLF), every cell quoted and formula-safe. */
export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** A cell as read back: trimmed, without the apostrophe `toCsv` put before a formula character. */
export function csvValue(value: string | undefined): string {
  const trimmed = (value ?? "").trim();
  return /^'[=+\-@]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}
