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
/** Columns a file's header may leave out (read as empty in every row). */
export const OPTIONAL_COLUMNS: readonly CallColumn[] = ["extension", "did", "answered_at", "freephone_source"];
/** A PBX's call id is stored as given; longer ones are refused. */
export const MAX_ID_LENGTH = 128;

// The checks of a row live in SQL (lib/cdr/import/sql.ts, docs/decisions/0026): the file's
// lines are COPYed as they are and validated set-based, so no row passes through Node.
