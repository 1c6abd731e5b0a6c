import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { ZTimeZone } from "@/lib/validation/time-zone";
import { checkTaxNumber } from "@/lib/validation/vat";

// One schema per form, shared by the browser (react-hook-form) and the server (actions and lib).

const email = (required: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .min(1, required)
    .max(254, "At most 254 characters")
    .email("Enter a valid e-mail address");

/** The partner company and its first partner admin, as the onboarding form sends them. */
export const ZOnboardPartner = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, "Legal name is required (at least 2 characters)")
      .max(200, "Legal name is at most 200 characters"),
    countryCode: z.string().trim().toUpperCase().length(2, "Choose the partner's country"),
    // One check with one message, not an aborting regex: the country's own check below must still run.
    vatNumber: z.string().trim().min(1, "VAT number is required").max(40, "At most 40 characters"),
    billingEmail: email("Billing e-mail is required"),
    timeZone: ZTimeZone,
    tierId: z.string().min(1, "Choose a price-list tier").pipe(ZId),
    adminName: z
      .string()
      .trim()
      .min(2, "Name is required (at least 2 characters)")
      .max(120, "Name is at most 120 characters"),
    adminEmail: email("The partner admin's e-mail is required"),
  })
  .superRefine(
    (values, ctx) => {
      const country = typeof values.countryCode === "string" ? values.countryCode.trim().toUpperCase() : "";
      const typed = typeof values.vatNumber === "string" ? values.vatNumber.trim() : "";
      if (country.length !== 2 || !typed) return;
      // Per country where a format is known (stdnum), else length and characters only (the hint says which).
      const vat = checkTaxNumber(country, typed);
      if (!vat.ok) ctx.addIssue({ code: "custom", path: ["vatNumber"], message: vat.message });
    },
    // Run even when another field failed, so every field's message shows at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
export type TOnboardPartner = z.output<typeof ZOnboardPartner>;

/** A date as a date input sends it ("2027-01-01"): a real calendar day between 1970 and 2199. */
export const ZCalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a date")
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    // A day such as 2027-02-31 parses as a later one: only a date that reads back the same is real.
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day && day > "1970-01-01";
  }, "Choose a real date after 1 January 1970")
  .refine((day) => day < "2200-01-01", "Choose a date before 2200");

/** A partner's new tier from a date (docs/decisions/0041: a period of its tier history). */
export const ZTierChange = z.object({
  partnerId: ZId,
  tierId: z.string().min(1, "Choose the new tier").pipe(ZId),
  from: ZCalendarDay,
});
export type TTierChange = z.output<typeof ZTierChange>;

/** Suspending or reinstating a partner's agreement: the reason is recorded with the change. */
export const ZAgreementChange = z.object({
  partnerId: ZId,
  reason: z
    .string()
    .trim()
    .min(5, "Give the reason (at least 5 characters)")
    .max(1000, "The reason is at most 1,000 characters"),
});
export type TAgreementChange = z.output<typeof ZAgreementChange>;
