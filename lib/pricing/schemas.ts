import { z } from "zod";
import { ZId } from "@/lib/http/ids";

/** A tier's code as URLs carry it ("GOLD", "END_USER"); anything else cannot name a tier. */
export const ZTierCode = z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/);

/** A day as a date input sends it ("2027-01-01"), as midnight UTC. */
const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date the new prices take effect.")
  .transform((day) => new Date(`${day}T00:00:00Z`))
  .refine((date) => !Number.isNaN(date.getTime()) && date.getUTCFullYear() < 2200, "Choose a real date.");

/** The effective date a new version is published with. */
export const ZPublishFields = z.object({ validFrom: ZDay });

/** One price changed in the browser: which (its key in the latest version), the new amount, from when. */
export const ZPriceEdit = z.object({
  tierCode: ZTierCode,
  key: z.string().min(1, "Choose a price from the list.").max(500),
  price: z
    .string()
    .trim()
    .regex(/^\d{1,9}(\.\d{1,5})?$/, "Enter a price like 12.50 (not negative, a dot for decimals)."),
  validFrom: ZDay,
});
export type TPriceEdit = z.input<typeof ZPriceEdit>;

/** A draft to publish (docs/decisions/0057), by id: anything else cannot name one. */
export const ZPublishDraft = z.object({ priceListId: ZId });
