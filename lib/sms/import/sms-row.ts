/** The CSV columns of an SMS record, in the order of the file's header (any order is accepted). */
export const SMS_COLUMNS = [
  "message_id",
  "pbx",
  "direction",
  "from",
  "to",
  "extension",
  "sent_at",
  "segments",
  "sender_name",
] as const;
export type SmsColumn = (typeof SMS_COLUMNS)[number];
/** Columns a file's header may leave out: one segment, no sender name, a received SMS with no user. */
export const OPTIONAL_SMS_COLUMNS: readonly SmsColumn[] = ["extension", "segments", "sender_name"];
/** A PBX's message id is stored as given; longer ones are refused. */
export const MAX_MESSAGE_ID_LENGTH = 128;
/** A message the PBX split into more parts than this is not one R15 message (670 characters at most). */
export const MAX_SEGMENTS = 10;
