import type { Role } from "@/lib/db/generated/enums";

/** The kinds of notification a user may choose to receive by e-mail or not (in-app they always arrive). */
export const MAIL_EVENTS = [
  {
    key: "activation",
    label: "Activation requests",
    description: "Requests submitted for review, and decisions or questions on them.",
    roles: ["ADMIN", "PARTNER"],
  },
  {
    key: "tickets",
    label: "Support tickets",
    description: "Replies, assignments and status changes on support tickets.",
    roles: ["ADMIN", "PARTNER"],
  },
  {
    key: "usage.included",
    label: "Included minutes and SMS",
    description: "A user reaches an alert threshold of the included minutes or SMS of the month.",
    roles: ["PARTNER", "END_USER"],
  },
  {
    key: "porting",
    label: "Number porting",
    description: "Port-in requests submitted, scheduled, completed or rejected.",
    roles: ["ADMIN", "PARTNER"],
  },
  {
    key: "pricelists",
    label: "New price lists",
    description: "A new version of your price list or the End User list, with its effective date.",
    roles: ["PARTNER"],
  },
  {
    key: "compliance.expiring",
    label: "Expiring compliance documents",
    description: "A customer's document expires within 30 days.",
    roles: ["PARTNER"],
  },
  {
    key: "agreement",
    label: "Your agreement with CLASSOUND",
    description: "Your partner agreement is suspended or reinstated.",
    roles: ["PARTNER"],
  },
  {
    key: "service.ending",
    label: "Ends of CLASSOUND terms",
    description: "CLASSOUND on one of your PBXs reaches the end of its term in 30 or 7 days.",
    roles: ["PARTNER"],
  },
  {
    key: "webhooks",
    label: "Webhook endpoints",
    description: "An endpoint of yours is turned off after a day of failed deliveries (administrators only).",
    roles: ["PARTNER"],
  },
  {
    key: "service",
    label: "CLASSOUND on your PBXs",
    description: "CLASSOUND is turned on for one of your PBXs.",
    roles: ["END_USER"],
  },
] as const satisfies readonly { key: string; label: string; description: string; roles: readonly Role[] }[];

export type MailEvent = (typeof MAIL_EVENTS)[number]["key"];

export const MAIL_EVENT_KEYS = MAIL_EVENTS.map((event) => event.key) as [MailEvent, ...MailEvent[]];

export function mailEventsFor(role: Role) {
  return MAIL_EVENTS.filter((event) => (event.roles as readonly Role[]).includes(role));
}
