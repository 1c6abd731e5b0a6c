import { z } from "zod";
import { ZActivationForm } from "@/lib/activations/form-schema";
import { ZId } from "@/lib/http/ids";

// The customer's legal entity is its compliance profile's source: it is checked by the very schema
// the activation form uses, so a profile edited here passes that form unchanged.
export const ZNewCustomer = z.object({
  name: z.string().trim().min(2, "Name is required").max(200, "Name is at most 200 characters"),
  countryCode: z.string().trim().length(2, "Choose the country of service"),
});
export type TNewCustomer = z.infer<typeof ZNewCustomer>;

export const ZCustomerLegalEntity = z.object({ customerId: ZId, values: ZActivationForm });
export type TCustomerLegalEntity = z.infer<typeof ZCustomerLegalEntity>;

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
