import { Readable } from "node:stream";
import { CALL_COLUMNS, type CallColumn } from "@/lib/cdr/import/call-row";

/** One CSV line of an import file: the defaults with `fields` over them, in the columns' order. */
export function recordLine<C extends string>(
  columns: readonly C[],
  defaults: Record<C, string>,
  fields: Partial<Record<C, string>> = {},
): string {
  const row = { ...defaults, ...fields };
  return columns.map((c) => row[c]).join(",");
}

/** A whole import file (the header line, then `lines`) as the stream an import reads. */
export function recordFile(columns: readonly string[], lines: readonly string[]): Readable {
  return Readable.from([[columns.join(","), ...lines].join("\n") + "\n"]);
}

/** An answered outgoing call of a CDR file, but for its id and PBX. */
const CALL_LINE: Omit<Record<CallColumn, string>, "call_id" | "pbx"> = {
  direction: "out",
  from: "+4930901820",
  to: "+4989123456",
  extension: "101",
  did: "",
  started_at: "2026-10-05T09:00:00Z",
  answered_at: "2026-10-05T09:00:07Z",
  duration: "95",
  disposition: "answered",
  freephone_source: "",
};

/** One line of a CDR file: that call of the PBX with the serial `pbx`, `fields` over it. */
export function callLine(callId: string, pbx: string, fields: Partial<Record<CallColumn, string>> = {}): string {
  return recordLine(CALL_COLUMNS, { call_id: callId, pbx, ...CALL_LINE }, fields);
}
