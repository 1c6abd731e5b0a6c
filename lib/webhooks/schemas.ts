import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { WEBHOOK_EVENT_TYPES } from "./event-types";

/** A webhook URL as the form and the API parse it; which schemes and hosts are allowed is the server's check (url-policy.ts). */
export const ZWebhookUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL your system receives webhooks at.")
  .max(2000, "Use a URL of at most 2,000 characters.")
  .refine((value) => URL.canParse(value), "Enter a full URL, starting with https://.");

export const ZWebhookEvents = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Not a known event." }))
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((events) => [...new Set(events)]);

const ZDescription = z.string().trim().max(200, "Use at most 200 characters.").default("");

export const ZNewWebhookEndpoint = z.object({ url: ZWebhookUrl, description: ZDescription, events: ZWebhookEvents });
export type TNewWebhookEndpoint = z.input<typeof ZNewWebhookEndpoint>;

export const ZEditWebhookEndpoint = z.object({ endpointId: ZId, description: ZDescription, events: ZWebhookEvents });
export type TEditWebhookEndpoint = z.input<typeof ZEditWebhookEndpoint>;

export const ZWebhookEndpointRef = z.object({ endpointId: ZId });
export const ZSetWebhookEnabled = z.object({ endpointId: ZId, enabled: z.boolean() });
export const ZWebhookDeliveryRef = z.object({ deliveryId: ZId });
