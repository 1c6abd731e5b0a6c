// Quoted always; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula.
function cell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows as CSV (RFC 4180, CRLF), every cell quoted and formula-safe. */
export function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
