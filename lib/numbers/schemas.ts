import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { BLOCK_SIZES, NUMBER_TYPES } from "./blocks";

const ZCountry = z.string().regex(/^[A-Z]{2}$/, "Choose a country.");
const ZArea = z
  .string()
  .trim()
  .max(80)
  .optional()
  .transform((v) => v || undefined);
/** Digits and * as wildcard; turned into a LIKE pattern by toLikePattern. */
const ZPattern = z
  .string()
  .trim()
  .max(15)
  .regex(/^[0-9*]*$/, "Use digits, and * for any digits.")
  .optional()
  .transform((v) => v || undefined);

export const ZBlockChoice = z.object({
  pbxId: ZId,
  countryCode: ZCountry,
  type: z.enum(NUMBER_TYPES, { message: "Choose a number type." }),
  areaName: ZArea,
  pattern: ZPattern,
  blockSize: z.coerce
    .number()
    .pipe(z.union(BLOCK_SIZES.map((s) => z.literal(s)) as [z.ZodLiteral<1>, z.ZodLiteral<10>, z.ZodLiteral<100>])),
  blockCount: z.coerce
    .number()
    .int("A whole number of blocks.")
    .min(1, "At least one block.")
    .max(100, "At most 100 blocks in one order."),
});
export type TBlockChoice = z.output<typeof ZBlockChoice>;
export type TBlockChoiceInput = z.input<typeof ZBlockChoice>;

export const ZOrderNumbers = ZBlockChoice.extend({
  holdId: ZId.optional(),
  /** One per order form: a double submit or a retry sends the same key. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, "Missing or malformed idempotency key."),
});
export type TOrderNumbers = z.input<typeof ZOrderNumbers>;

export const ZReleaseNumber = z.object({ numberId: ZId });
export const ZDefaultCaller = z.object({ pbxId: ZId, numberId: ZId.nullable() });

/** "49*77" → "%49%77%": the digits in that order anywhere in the number. */
export function toLikePattern(pattern: string | undefined): string | null {
  if (!pattern) return null;
  return `%${pattern.split("*").filter(Boolean).join("%")}%`;
}
