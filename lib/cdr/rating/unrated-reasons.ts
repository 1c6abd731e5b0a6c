import type { UnratedReason } from "@/lib/db/generated/enums";

// No runtime imports: the call list's client component reads these words too.

/** Each reason rating could not price a call, in words (docs/decisions/0041). */
export const UNRATED_REASON_WORDS: Record<UnratedReason, string> = {
  UNKNOWN_NUMBER: "the number could not be placed in a country and area",
  NO_PRICE_LIST: "no price list in force for the partner's tier",
  NO_RATE: "the price list has no rate for this destination or FreePhone source",
  NO_FREEPHONE_SOURCE: "the FreePhone call names no caller source",
};

/** What a call list shows for a call with no price: null when it has one. */
export function notRatedText(call: { ratedAt: Date | string | null; unratedReason: UnratedReason | null }) {
  if (call.unratedReason) return `Not rated: ${UNRATED_REASON_WORDS[call.unratedReason]}`;
  return call.ratedAt ? null : "Not rated yet";
}
