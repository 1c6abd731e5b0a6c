import { z } from "zod";
import { ZId } from "@/lib/http/ids";

/** How a partner prices what it resells (docs/decisions/0063), in the words its form shows. */
export const RESALE_BASIS_LABEL = {
  END_USER_LIST: "End User list price",
  PURCHASE_MARKUP: "Markup over my purchase price",
  END_USER_MARKUP: "Markup over the End User list price",
} as const;
export type TResaleBasis = keyof typeof RESALE_BASIS_LABEL;
const BASES = Object.keys(RESALE_BASIS_LABEL) as [TResaleBasis, ...TResaleBasis[]];

export const MAX_MARKUP_PERCENT = 1000;

/**
 * "" (or null, once parsed: the action parses, the domain function again) is the partner's rule for
 * every customer without its own; otherwise one of its customers.
 */
const ZRuleCustomer = z.union([ZId, z.literal(""), z.null()], { error: "Choose a customer" });

/**
 * A resale rule as the form sends it: the markup as typed ("25", "12.5"), checked here so the form
 * and the server refuse the same values. The End User list needs no markup: it is stored as 0.
 */
export const ZResalePricing = z
  .object({
    customerId: ZRuleCustomer,
    basis: z.enum(BASES, { error: "Choose how you price" }),
    markupPercent: z.string().trim().max(20),
  })
  .superRefine((value, ctx) => {
    if (value.basis === "END_USER_LIST") return;
    if (!/^\d{1,4}(\.\d{1,2})?$/.test(value.markupPercent))
      ctx.addIssue({
        code: "custom",
        path: ["markupPercent"],
        message: "Enter a percent with at most 2 decimals, e.g. 25 or 12.5",
      });
    else if (Number(value.markupPercent) > MAX_MARKUP_PERCENT)
      ctx.addIssue({
        code: "custom",
        path: ["markupPercent"],
        message: `Enter a markup from 0 to ${MAX_MARKUP_PERCENT} %`,
      });
  })
  .transform((value) => ({
    customerId: value.customerId || null,
    basis: value.basis,
    markupPercent: value.basis === "END_USER_LIST" ? "0" : value.markupPercent,
  }));
export type TResalePricingInput = z.input<typeof ZResalePricing>;

/** Back to the default: a customer's own rule removed (the partner's then applies), or the partner's. */
export const ZClearResalePricing = z
  .object({ customerId: ZRuleCustomer })
  .transform((value) => ({ customerId: value.customerId || null }));
export type TClearResalePricingInput = z.input<typeof ZClearResalePricing>;

/** A partner-local calendar month, "2026-10" (docs/decisions/0041). */
export const ZMonth = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, "A month as YYYY-MM");
