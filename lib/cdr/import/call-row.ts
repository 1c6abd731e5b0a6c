import type { CallDirection, CallDisposition, FreephoneSource } from "@/lib/db/generated/client";
import { isValidE164 } from "./e164";

/** R14: a call lasts at most four hours. */
export const MAX_CALL_SECONDS = 14_400;

/** The CSV columns of a call record, in the order of the file's header (any order is accepted). */
export const CALL_COLUMNS = [
  "call_id",
  "pbx",
  "direction",
  "from",
  "to",
  "extension",
  "did",
  "started_at",
  "answered_at",
  "duration",
  "disposition",
  "freephone_source",
] as const;
export type CallColumn = (typeof CALL_COLUMNS)[number];
const REQUIRED: CallColumn[] = ["call_id", "pbx", "direction", "from", "to", "started_at", "duration", "disposition"];

export interface CallRow {
  line: number;
  callId: string;
  pbxSerial: string;
  direction: CallDirection;
  fromE164: string;
  toE164: string;
  extension: string | null;
  didE164: string | null;
  startedAt: Date;
  answeredAt: Date | null;
  durationSeconds: number;
  disposition: CallDisposition;
  freephoneSource: FreephoneSource | null;
}

export type RowOutcome = { ok: true; row: CallRow } | { ok: false; reasons: string[] };

const DIRECTIONS: Record<string, CallDirection> = { in: "INBOUND", inbound: "INBOUND", out: "OUTBOUND", outbound: "OUTBOUND" };
const DISPOSITIONS: Record<string, CallDisposition> = { answered: "ANSWERED", busy: "BUSY", no_answer: "NO_ANSWER", "no answer": "NO_ANSWER", failed: "FAILED" };
const SOURCES: Record<string, FreephoneSource> = { fixed: "FIXED", mobile: "MOBILE", payphone: "PAYPHONE" };
const MAX_ID_LENGTH = 128;
// ISO 8601 with a date and a time; without an offset it is read as UTC.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function timestamp(value: string): Date | null {
  if (!TIMESTAMP.test(value)) return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const date = new Date(hasZone ? value : value.replace(" ", "T") + "Z");
  return Number.isNaN(date.getTime()) ? null : date;
}

/** One record of a CDR file, checked field by field; every reason is reported, not only the first. */
export function validateCallRecord(get: (column: CallColumn) => string, line: number, pbxSerialAllowed?: string): RowOutcome {
  const reasons: string[] = [];
  for (const column of REQUIRED) if (!get(column)) reasons.push(`missing ${column}`);
  if (reasons.length) return { ok: false, reasons };

  const callId = get("call_id");
  if (callId.length > MAX_ID_LENGTH) reasons.push("call_id longer than 128 characters");
  const pbxSerial = get("pbx");
  if (pbxSerialAllowed !== undefined && pbxSerial !== pbxSerialAllowed) reasons.push("PBX not covered by this API key");
  const direction = DIRECTIONS[get("direction").toLowerCase()];
  if (!direction) reasons.push("direction is not in or out");
  const fromE164 = get("from");
  if (!isValidE164(fromE164)) reasons.push("from is not a valid E.164 number");
  const toE164 = get("to");
  if (!isValidE164(toE164)) reasons.push("to is not a valid E.164 number");
  const extension = get("extension") || null;
  if (direction === "OUTBOUND" && !extension) reasons.push("missing extension for an outgoing call");
  // An incoming call's DID is the number it called unless the PBX says otherwise.
  const didE164 = direction === "INBOUND" ? get("did") || toE164 : get("did") || null;
  if (didE164 && didE164 !== toE164 && !isValidE164(didE164)) reasons.push("did is not a valid E.164 number");

  const startedAt = timestamp(get("started_at"));
  if (!startedAt) reasons.push("started_at is not an ISO 8601 date and time");
  const answeredText = get("answered_at");
  const answeredAt = answeredText ? timestamp(answeredText) : null;
  if (answeredText && !answeredAt) reasons.push("answered_at is not an ISO 8601 date and time");
  if (startedAt && answeredAt && answeredAt < startedAt) reasons.push("answered before it started");

  const durationText = get("duration");
  const durationSeconds = /^\d{1,9}$/.test(durationText) ? Number(durationText) : NaN;
  if (Number.isNaN(durationSeconds)) reasons.push("duration is not a whole number of seconds");
  else if (durationSeconds > MAX_CALL_SECONDS) reasons.push("duration over four hours (R14)");

  const disposition = DISPOSITIONS[get("disposition").toLowerCase()];
  if (!disposition) reasons.push("disposition is not answered, busy, no_answer or failed");
  else if (disposition !== "ANSWERED" && durationSeconds > 0) reasons.push("talk time on a call that was not answered");

  const sourceText = get("freephone_source");
  const freephoneSource = sourceText ? SOURCES[sourceText.toLowerCase()] : null;
  if (sourceText && !freephoneSource) reasons.push("freephone_source is not fixed, mobile or payphone");
  if (freephoneSource && direction === "OUTBOUND") reasons.push("freephone_source on an outgoing call");

  if (reasons.length) return { ok: false, reasons };
  return {
    ok: true,
    row: {
      line, callId, pbxSerial, direction, fromE164, toE164, extension, didE164,
      startedAt: startedAt!, answeredAt, durationSeconds, disposition, freephoneSource: freephoneSource ?? null,
    },
  };
}
