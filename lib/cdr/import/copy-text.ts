/**
 * A CSV line from fields, quoting only where needed: the COPY feed of an API post, raw values kept
 * (E.164 numbers start with "+"). What a person downloads goes through lib/csv/cell.ts instead.
 */
export function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(",");
}
