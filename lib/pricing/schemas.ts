import { z } from "zod";

/** A tier's code as URLs carry it ("GOLD", "END_USER"); anything else cannot name a tier. */
export const ZTierCode = z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/);

/** The effective date a new version is published with (a date input's "2027-01-01"). */
export const ZPublishFields = z.object({
  validFrom: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date the new prices take effect.")
    .transform((day) => new Date(`${day}T00:00:00Z`))
    .refine((date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() < 2200, "Choose a real date."),
});
