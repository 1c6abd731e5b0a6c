import { isValidPhoneNumber } from "libphonenumber-js";
import { z } from "zod";

// One schema per form, shared by the browser (react-hook-form) and the server (actions).
const text = (label: string, min: number, max: number) =>
  z.string().trim().min(min, `${label} is required`).max(max, `${label} is at most ${max} characters`);

export const ZLegalEntity = z.object({
  legalName: text("Company name", 2, 200),
  vatNumber: text("VAT or tax number", 4, 30).regex(
    /^[A-Za-z0-9 .\-/]+$/,
    "Use letters, digits, spaces, dots, dashes or slashes",
  ),
  addressLine: text("Registered address", 3, 200),
  postcode: text("Postcode", 2, 20),
  city: text("City", 2, 100),
  contactName: text("Contact person", 2, 120),
  contactEmail: z.string().trim().toLowerCase().email("Enter a valid e-mail address").max(200),
  // One check with one message, not an aborting regex: an aborted field would skip the country's
  // checks of the VAT number and postcode that ZActivationForm adds on the whole object.
  contactPhone: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      if (!/^\+[1-9]\d{6,14}$/.test(v))
        ctx.addIssue({ code: "custom", message: "Enter the number in E.164 form, e.g. +4989123456" });
      else if (!isValidPhoneNumber(v)) ctx.addIssue({ code: "custom", message: "This is not a valid phone number" });
    }),
});
export type TLegalEntity = z.infer<typeof ZLegalEntity>;
/** The same fields as stored (a request or a customer's profile), where any may still be empty. */
export type LegalEntityFields = { [K in keyof TLegalEntity]: string | null };

/** Just the legal-entity fields of a row that has them (a request, a customer). */
export function pickLegalEntity(row: LegalEntityFields): LegalEntityFields {
  const { legalName, vatNumber, addressLine, postcode, city, contactName, contactEmail, contactPhone } = row;
  return { legalName, vatNumber, addressLine, postcode, city, contactName, contactEmail, contactPhone };
}

export const LEGAL_ENTITY_LABELS: Record<keyof TLegalEntity, string> = {
  legalName: "Company name",
  vatNumber: "VAT or tax number",
  addressLine: "Registered address",
  postcode: "Postcode",
  city: "City",
  contactName: "Contact person",
  contactEmail: "Contact e-mail",
  contactPhone: "Contact phone",
};

/** A draft keeps whatever was typed, valid or not; the pre-check says what is still wrong. */
export const ZActivationDraft = z.object({
  countryCode: z.string().trim().length(2, "Choose the country of service").toUpperCase(),
  ...Object.fromEntries(Object.keys(ZLegalEntity.shape).map((key) => [key, z.string().max(300).optional()])),
}) as z.ZodType<{ countryCode: string } & Partial<Record<keyof TLegalEntity, string>>>;
export type TActivationDraft = z.infer<typeof ZActivationDraft>;

export const ZVersioned = z.object({ requestId: z.string().min(1), version: z.number().int().min(0) });

export const ZRejectRequest = ZVersioned.extend({
  reason: z.string().trim().min(10, "Give the partner a reason of at least 10 characters").max(2000),
});

export const ZRequestChanges = ZVersioned.extend({
  documents: z
    .array(
      z.object({
        documentId: z.string().min(1),
        comment: z.string().trim().min(5, "Say what must change (at least 5 characters)").max(1000),
      }),
    )
    .min(1, "Choose at least one document to be replaced"),
});
export type TRequestChanges = z.infer<typeof ZRequestChanges>;
