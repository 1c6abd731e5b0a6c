/**
 * The events a partner's webhook endpoint can ask for (issue 34). No runtime imports: the portal's
 * form, the API's schemas and the emitters all read this list.
 */
export const WEBHOOK_EVENT_TYPES = [
  "activation.submitted",
  "activation.decided",
  "number_order.completed",
  "porting.scheduled",
  "porting.completed",
  "emergency_location.status_changed",
  "invoice.issued",
  "usage.threshold_reached",
  "ticket.replied",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by the "Send test event" button to one endpoint only, whatever it subscribed to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

/** What the form says of each event. */
export const WEBHOOK_EVENT_LABEL: Record<WebhookEventType, string> = {
  "activation.submitted": "Activation request submitted or resubmitted",
  "activation.decided": "Activation request approved, rejected or sent back for changes",
  "number_order.completed": "Number order completed",
  "porting.scheduled": "Port-in scheduled or rescheduled",
  "porting.completed": "Port-in completed",
  "emergency_location.status_changed": "Emergency registration status of numbers changed",
  "invoice.issued": "Invoice issued",
  "usage.threshold_reached": "A user reached a usage-alert threshold",
  "ticket.replied": "Support replied to a ticket",
};
