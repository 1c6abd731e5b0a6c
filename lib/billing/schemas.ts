import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { ZCalendarDay } from "@/lib/partners/schemas";

// The inputs of the invoice lifecycle (docs/decisions/0061), shared by the admin's forms and the
// server. Amounts stay strings here (what a form field holds); the server turns them into exact
// decimals (Prisma.Decimal), never floats.

/** A positive amount of money with at most two decimals, as typed: "120", "120.5", "120.50". */
export const ZAmount = z
  .string()
  .trim()
  .min(1, "Enter the amount")
  .regex(/^\d{1,12}(\.\d{1,2})?$/, "Enter an amount like 120.50 (a dot for decimals, at most 2 decimals)")
  .refine((value) => /[1-9]/.test(value), "Enter an amount above 0");

export const ZIssueInvoice = z.object({ invoiceId: ZId });
export type TIssueInvoice = z.output<typeof ZIssueInvoice>;

export const ZCreditNoteInput = z.object({
  invoiceId: ZId,
  /** Credited before VAT; the VAT follows at the invoice's rate. */
  net: ZAmount,
  reason: z
    .string()
    .trim()
    .min(5, "Say why the invoice is credited (at least 5 characters)")
    .max(500, "The reason is at most 500 characters"),
});
export type TCreditNoteInput = z.output<typeof ZCreditNoteInput>;

/** The bank's reference of a payment: one payment per invoice and reference. */
export const ZPaymentReference = z
  .string()
  .trim()
  .min(1, "Enter the bank's reference of the payment")
  .max(140, "The reference is at most 140 characters");

export const ZMarkPaid = z.object({
  invoiceId: ZId,
  amount: ZAmount,
  /** The day the money arrived, as a date input sends it. */
  paidOn: ZCalendarDay,
  reference: ZPaymentReference,
});
export type TMarkPaid = z.output<typeof ZMarkPaid>;

export const ZMarkOverdue = z.object({ invoiceId: ZId });
export type TMarkOverdue = z.output<typeof ZMarkOverdue>;

/** One row of the bank's payments file, checked as the manual form is. */
export const ZPaymentRow = z.object({
  invoiceNumber: z.string().trim().min(1, "The invoice number is empty"),
  amount: ZAmount,
  paidOn: ZCalendarDay,
  reference: ZPaymentReference,
});

/**
 * The admin's "Run month" form: one partner (chosen in the picker) or every partner, and a
 * partner-local month. The partner is required only for "one partner", and said beside its field.
 */
export const ZRunMonthRequest = z
  .object({
    who: z.enum(["one", "all"]),
    partnerId: z.string(),
    month: z
      .string()
      .trim()
      .min(1, "Choose a month")
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month as YYYY-MM"),
  })
  .superRefine((value, ctx) => {
    if (value.who === "one" && !ZId.safeParse(value.partnerId).success)
      ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Choose a partner" });
  });
export type TRunMonthRequest = z.output<typeof ZRunMonthRequest>;
