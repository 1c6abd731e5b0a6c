import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { BLOCK_SIZES, NUMBER_TYPES } from "./blocks";
import { MAX_BLOCKS_PER_ORDER, MAX_NUMBERS_PER_ORDER, quantityProblem } from "./quantity";

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
    .max(MAX_BLOCKS_PER_ORDER, `At most ${MAX_BLOCKS_PER_ORDER} blocks in one order.`),
});
export type TBlockChoice = z.output<typeof ZBlockChoice>;
export type TBlockChoiceInput = z.input<typeof ZBlockChoice>;

/**
 * The order form: how many numbers, not how many blocks (decision 0047). The form turns a valid
 * quantity into a block choice with blocksForQuantity and the stock it shows; the server then parses
 * that choice with ZBlockChoice, so both ends apply the same limits.
 */
export const ZOrderQuantity = ZBlockChoice.pick({
  pbxId: true,
  countryCode: true,
  type: true,
  areaName: true,
  pattern: true,
})
  .extend({
    quantity: z.coerce
      .number({ message: "Enter how many numbers you need." })
      .int("Enter a whole number of numbers.")
      .min(1, "Ask for at least 1 number.")
      .max(MAX_NUMBERS_PER_ORDER, `At most ${MAX_NUMBERS_PER_ORDER.toLocaleString("en")} numbers in one order.`),
  })
  .superRefine((input, ctx) => {
    const problem = quantityProblem(input.quantity);
    if (problem) ctx.addIssue({ code: "custom", path: ["quantity"], message: problem });
  });
export type TOrderQuantityInput = z.input<typeof ZOrderQuantity>;

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
