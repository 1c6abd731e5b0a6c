import { z } from "zod";
import type { Prisma } from "@/lib/db/generated/client";

/** Who is billed, as frozen on the invoice when its draft was built (`Invoice.billedTo`). */
export const ZBilledTo = z.object({
  name: z.string().min(1),
  countryCode: z.string().length(2),
  countryName: z.string().min(1),
  vatNumber: z.string().nullable(),
  billingEmail: z.string().min(1),
});
export type BilledTo = z.infer<typeof ZBilledTo>;

/** The partner's record as an invoice bills it: what the run freezes, and the stand-in below. */
export const PARTNER_AS_BILLED = {
  name: true,
  countryCode: true,
  vatNumber: true,
  billingEmail: true,
  country: { select: { name: true } },
} as const satisfies Prisma.PartnerSelect;
type PartnerAsBilled = Prisma.PartnerGetPayload<{ select: typeof PARTNER_AS_BILLED }>;

export const billedToFrom = (partner: PartnerAsBilled): BilledTo => ({
  name: partner.name,
  countryCode: partner.countryCode,
  countryName: partner.country.name,
  vatNumber: partner.vatNumber,
  billingEmail: partner.billingEmail,
});

/**
 * The stored `billedTo`, checked: it is JSON, and invoices from before it existed hold `{}` (migration
 * invoice_lifecycle). Those are billed, and shown, as the partner's record reads now.
 */
export function billedToOf(stored: Prisma.JsonValue, partner: PartnerAsBilled): BilledTo {
  const parsed = ZBilledTo.safeParse(stored);
  return parsed.success ? parsed.data : billedToFrom(partner);
}
