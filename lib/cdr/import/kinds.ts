import type { ImportKind } from "@/lib/db/generated/client";
import { SMS_RECORDS } from "@/lib/sms/import/import-sms";
import { CALL_RECORDS } from "./import-calls";
import type { RecordKind } from "./run-import";

/** What an import of each kind reads and stores (docs/decisions/0044): one pipeline, two record kinds. */
export const RECORD_KINDS: Record<ImportKind, RecordKind<string>> = {
  CALLS: CALL_RECORDS as RecordKind<string>,
  SMS: SMS_RECORDS as RecordKind<string>,
};

/** How a person and a PBX name each kind's records. */
export const KIND_NOUN: Record<ImportKind, { one: string; many: string }> = {
  CALLS: { one: "call", many: "calls" },
  SMS: { one: "SMS", many: "SMS" },
};
