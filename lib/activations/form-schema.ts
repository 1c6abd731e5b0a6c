import { z } from "zod";
import { postcodeProblem } from "@/lib/validation/postcode";
import { checkTaxNumber } from "@/lib/validation/vat";
import { ZLegalEntity } from "./schemas";

/**
 * The checks that depend on the legal entity's country (decision 0048): its VAT or tax number
 * (format and check digits) and its postcode. An empty field is left to its own "is required".
 */
export function legalEntityCountryIssues(values: {
  countryCode?: string | null;
  vatNumber?: string | null;
  postcode?: string | null;
}): { path: "vatNumber" | "postcode"; message: string }[] {
  const country = values.countryCode?.trim().toUpperCase();
  if (!country || country.length !== 2) return [];
  const issues: { path: "vatNumber" | "postcode"; message: string }[] = [];
  const vat = values.vatNumber?.trim() ? checkTaxNumber(country, values.vatNumber) : null;
  if (vat && !vat.ok) issues.push({ path: "vatNumber", message: vat.message });
  const postcode = values.postcode?.trim() ? postcodeProblem(country, values.postcode) : null;
  if (postcode) issues.push({ path: "postcode", message: postcode });
  return issues;
}

/** legalEntityCountryIssues as a zod refinement, beside each field, for a schema of the form's fields. */
export function refineByCountry(values: Parameters<typeof legalEntityCountryIssues>[0], ctx: z.RefinementCtx) {
  for (const issue of legalEntityCountryIssues(values)) ctx.addIssue({ code: "custom", ...issue, path: [issue.path] });
}

/** The activation form as submitted: the legal entity plus the country of service, checked together. */
export const ZActivationForm = ZLegalEntity.extend({
  countryCode: z.string().trim().length(2, "Choose the country of service"),
}).superRefine(refineByCountry);
export type TActivationForm = z.infer<typeof ZActivationForm>;
