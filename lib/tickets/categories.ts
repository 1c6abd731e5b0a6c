import type { TicketCategory, TicketStatus } from "@/lib/db/generated/enums";

// R17's categories and the statuses in the words partners and support use.
export const TICKET_CATEGORY_LABEL: Record<TicketCategory, string> = {
  EMERGENCY_SERVICE: "Emergency-service configuration",
  CNAM: "Caller name (CNAM)",
  DEFAULT_CALLER_NUMBER: "Default caller number",
  SENDER_ID_REGISTRATION: "SMS sender-ID registration",
  NUMBER_BLOCKING: "Blocking numbers",
  OTHER: "Other",
};

export const TICKET_STATUS_LABEL: Record<TicketStatus, string> = {
  OPEN: "Open",
  WAITING_FOR_SUPPORT: "Waiting for support",
  WAITING_FOR_PARTNER: "Waiting for partner",
  RESOLVED: "Resolved",
  CLOSED: "Closed",
};

export const TICKET_CATEGORIES = Object.keys(TICKET_CATEGORY_LABEL) as [TicketCategory, ...TicketCategory[]];
export const TICKET_STATUSES = Object.keys(TICKET_STATUS_LABEL) as [TicketStatus, ...TicketStatus[]];

/** Statuses in which support still has something to do: the queue's default view. */
export const SUPPORT_ACTIVE_STATUSES: readonly TicketStatus[] = ["OPEN", "WAITING_FOR_SUPPORT"];
/** A closed ticket is final; a resolved one can still be answered (which reopens it). */
export const FINAL_STATUSES: readonly TicketStatus[] = ["CLOSED"];

/** CNAM exists for US and Canadian numbers only (R12). */
export const CNAM_COUNTRIES: readonly string[] = ["US", "CA"];

/** What resolving a ticket of each category changes in the portal (lib/tickets/resolution.ts does it). */
export const RESOLUTION_EFFECT: Record<TicketCategory, string | null> = {
  EMERGENCY_SERVICE: "The PBX's emergency service is marked as configured: its emergency calls are no longer refused.",
  CNAM: "The caller name asked for is recorded on the ticket's numbers.",
  DEFAULT_CALLER_NUMBER: "The chosen number becomes the PBX's default caller number.",
  SENDER_ID_REGISTRATION: "The sender ID is recorded as registered for the customer in that country.",
  NUMBER_BLOCKING: null,
  OTHER: null,
};
