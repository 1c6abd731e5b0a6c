import { z } from "zod";

// One schema per form, shared by the browser (react-hook-form) and the server (actions).
export const ZRequiredDocument = z.object({
  name: z.string().trim().min(2, "Name is required (at least 2 characters)").max(120, "Name is at most 120 characters"),
  description: z.string().trim().max(1000, "Description is at most 1000 characters"),
  mandatory: z.boolean(),
  // Null: an accepted copy does not expire.
  validityMonths: z
    .number({ error: "Enter a whole number of months" })
    .int("Enter a whole number of months")
    .min(1, "At least 1 month")
    .max(120, "At most 120 months")
    .nullish(),
  sortOrder: z
    .number({ error: "Enter a position" })
    .int("Enter a whole number")
    .min(0, "At least 0")
    .max(9999, "At most 9999"),
});
export type TRequiredDocument = z.infer<typeof ZRequiredDocument>;

export const ZCountrySettings = z.object({
  activationEnabled: z.boolean(),
});
export type TCountrySettings = z.infer<typeof ZCountrySettings>;

/** An ISO 3166-1 alpha-2 code as it appears in URLs and arguments. */
export const ZCountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Not a country code");
