import { z } from "zod";
import { ZId } from "@/lib/http/ids";

/**
 * What a number is picked for. Each purpose says which of a PBX's numbers a picker lists at all and
 * which of those the server accepts; the rest are listed disabled, with the reason the server would give.
 * - defaultCaller (R11 + R13): an assigned number that can call out, with its emergency location entered.
 * - cnam (R12): US and Canadian numbers only.
 * - any: every number of the PBX (blocking requests, other tickets).
 */
export const NUMBER_PURPOSES = ["any", "defaultCaller", "cnam"] as const;
export type NumberPurpose = (typeof NUMBER_PURPOSES)[number];

export const PICKER_PAGE_SIZE = 10;
/** "All matching" resolves on the server to at most this many numbers (a ticket or a bulk change). */
export const ALL_MATCHING_MAX = 5_000;

/** The digits of a search ("+49 30-12" finds +493012…); nothing to search for when it has none. */
export function searchDigits(q: string | undefined): string | undefined {
  const digits = q?.replace(/[^0-9]/g, "");
  return digits ? digits : undefined;
}

export const ZNumberPick = z.object({
  pbxId: ZId,
  q: z.string().trim().max(30).optional(),
  purpose: z.enum(NUMBER_PURPOSES).default("any"),
});
export type TNumberPick = z.input<typeof ZNumberPick>;

/** "Every number matching this search", as a server action receives it instead of a list of ids. */
export const ZNumbersMatching = z.object({ q: z.string().trim().max(30).optional() });
export type TNumbersMatching = z.input<typeof ZNumbersMatching>;
