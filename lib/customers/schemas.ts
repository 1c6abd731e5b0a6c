import { z } from "zod";
import { ZActivationForm } from "@/lib/activations/form-schema";
import { pickLegalEntity, ZLegalEntity, type LegalEntityFields, type TLegalEntity } from "@/lib/activations/schemas";
import { ZId } from "@/lib/http/ids";
import { ZOptionalTimeZone } from "@/lib/validation/time-zone";

// The customer's legal entity is its compliance profile's source: it is checked by the very schema
// the activation form uses, so a profile edited here passes that form unchanged.
export const ZNewCustomer = z.object({
  name: z.string().trim().min(2, "Name is required").max(200, "Name is at most 200 characters"),
  countryCode: z.string().trim().length(2, "Choose the country of service"),
});
export type TNewCustomer = z.infer<typeof ZNewCustomer>;

const LEGAL_ENTITY_KEYS = Object.keys(ZLegalEntity.shape) as (keyof TLegalEntity)[];
// A field as typed; null too, so what the schema gives back parses to itself (the action and the
// domain function both check it).
const typedText = z
  .string()
  .nullish()
  .transform((value) => value ?? "");
const ZTypedLegalEntity = z.object(
  Object.fromEntries(LEGAL_ENTITY_KEYS.map((key) => [key, typedText])),
) as z.ZodObject<{
  [K in keyof TLegalEntity]: typeof typedText;
}>;

const isBlank = (value: unknown) => typeof value !== "string" || !value.trim();
const BLANK_LEGAL_ENTITY = Object.fromEntries(LEGAL_ENTITY_KEYS.map((key) => [key, null])) as LegalEntityFields;

/**
 * The customer's edit form, field for field (so each message lands beside its field): its name,
 * country of service and time zone (empty: the partner's), and its legal entity, which is all
 * empty (not known yet: the first approved activation request fills it; every field is then null)
 * or checked whole by the activation form's own schema, VAT number and postcode by the country of
 * service included.
 */
export const ZCustomerProfile = ZTypedLegalEntity.extend({
  name: ZNewCustomer.shape.name,
  countryCode: ZNewCustomer.shape.countryCode,
  timeZone: ZOptionalTimeZone,
})
  .superRefine(
    (values, ctx) => {
      const typed = Object.fromEntries(LEGAL_ENTITY_KEYS.map((key) => [key, values[key]]));
      if (Object.values(typed).every(isBlank)) return;
      const checked = ZActivationForm.safeParse({ ...typed, countryCode: values.countryCode });
      // The country of service has its own field and message above; only the entity's issues are added.
      for (const issue of checked.error?.issues ?? [])
        if (issue.path[0] !== "countryCode") ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    },
    // Run even when another field failed, so every field's message shows at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  .transform(({ name, countryCode, timeZone, ...typed }) => {
    if (Object.values(typed).every(isBlank)) return { name, countryCode, timeZone, ...BLANK_LEGAL_ENTITY };
    const checked = ZActivationForm.parse({ ...typed, countryCode });
    return { name, countryCode, timeZone, ...pickLegalEntity(checked) };
  });
export type TCustomerProfileInput = z.input<typeof ZCustomerProfile>;
export type TCustomerProfile = z.output<typeof ZCustomerProfile>;

/**
 * The edit as the server action and the domain function take it: the customer and the form's values,
 * side by side, so each field's message is keyed by its own name.
 */
export const ZCustomerEdit = z.intersection(z.object({ customerId: ZId }), ZCustomerProfile);
export type TCustomerEditInput = z.input<typeof ZCustomerEdit>;

/** Archiving or restoring one customer. */
export const ZCustomerRef = z.object({ customerId: ZId });

/** At most this many usage-alert thresholds per customer: more would be noise, not warning. */
export const MAX_USAGE_ALERT_THRESHOLDS = 5;

/**
 * A partner's own usage-alert thresholds for one customer (R5, R15: percent of each user's included
 * minutes and SMS), typed as "80, 100"; empty means the default. The form sends the text as typed;
 * the server parses it into ascending, distinct whole percents (and a parsed list parses to itself,
 * so the action and the domain function may both check it).
 */
const PERCENT_LIST = /^(\d{1,3}\s*%?(\s*[,;\s]\s*\d{1,3}\s*%?)*)?$/;
export const ZUsageAlertThresholds = z.object({
  customerId: ZId,
  percents: z
    .union([z.string(), z.array(z.number().int())])
    // Checked after the union, so a bad text gets this message rather than the union's "Invalid input".
    .refine(
      (value) => typeof value !== "string" || (value.trim().length <= 40 && PERCENT_LIST.test(value.trim())),
      "Enter whole percents separated by commas, e.g. 80, 100",
    )
    .transform((value) =>
      typeof value === "string"
        ? value
            .split(/[\s,;%]+/)
            .filter(Boolean)
            .map(Number)
        : value,
    )
    .transform((percents) => [...new Set(percents)].sort((a, b) => a - b))
    .refine((percents) => percents.every((p) => p >= 1 && p <= 100), "Each threshold is a percent from 1 to 100")
    .refine(
      (percents) => percents.length <= MAX_USAGE_ALERT_THRESHOLDS,
      `Enter at most ${MAX_USAGE_ALERT_THRESHOLDS} thresholds`,
    ),
});
export type TUsageAlertThresholdsInput = z.input<typeof ZUsageAlertThresholds>;
