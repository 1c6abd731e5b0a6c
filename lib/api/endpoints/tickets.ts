import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { ACCEPTED_UPLOAD_TYPES } from "@/lib/storage/validate-upload";
import { TICKET_CATEGORIES, TICKET_STATUSES } from "@/lib/tickets/categories";
import { ZOpenTicket, ZTicketReply } from "@/lib/tickets/schemas";
import { pageOf, pageQuery, ZCreatedCursor } from "../cursor";
import { defineEndpoint, type ApiEndpoint } from "../endpoint";
import { ZApiPerson } from "./people";

const TAG = "Support tickets";
const ZInstant = z.iso.datetime();

const STATUS_WORDS =
  "OPEN (support has not answered yet), WAITING_FOR_SUPPORT, WAITING_FOR_PARTNER, RESOLVED (a reply reopens it), " +
  "CLOSED (final)";

/** A ticket as the partner's ticket list shows it (R17). */
export const ZApiTicket = z
  .object({
    id: z.string(),
    subject: z.string(),
    category: z.enum(TICKET_CATEGORIES),
    status: z.enum(TICKET_STATUSES).describe(STATUS_WORDS),
    customerId: z.string().nullable(),
    pbxId: z.string().nullable(),
    assigneeName: z.string().nullable().describe("The support person handling it; null while in the queue."),
    createdAt: ZInstant,
    statusChangedAt: ZInstant,
    resolvedAt: ZInstant.nullable(),
  })
  .meta({ id: "Ticket" });

export const ZApiTicketMessage = z
  .object({
    id: z.string(),
    kind: z.enum(["MESSAGE", "EVENT"]).describe("EVENT: a status change or assignment the portal wrote."),
    body: z.string(),
    author: ZApiPerson,
    file: z
      .object({ id: z.string(), fileName: z.string(), sizeBytes: z.number().int() })
      .nullable()
      .describe("An attachment (its bytes are downloaded in the portal)."),
    createdAt: ZInstant,
  })
  .meta({ id: "TicketMessage" });

/** A ticket with what it asks for and its whole thread, oldest message first, as the partner's ticket page shows it. */
export const ZApiTicketDetail = ZApiTicket.extend({
  numbers: z.array(z.object({ id: z.string(), e164: z.string() })),
  callerName: z.string().nullable().describe("CNAM: the caller name asked for."),
  senderName: z.string().nullable().describe("Sender-ID registration: the sender name, as it will be sent."),
  countryCode: z.string().nullable().describe("Sender-ID registration: the country."),
  messages: z.array(ZApiTicketMessage),
}).meta({ id: "TicketDetail" });

const ZTicketParams = z.object({ id: ZId });

export const listTicketsEndpoint = defineEndpoint({
  method: "GET",
  path: "/tickets",
  tag: TAG,
  summary: "List support tickets",
  description: "The partner's tickets, oldest first, a page at a time.",
  scope: "tickets:read",
  query: pageQuery(ZCreatedCursor).extend({
    status: z.enum(TICKET_STATUSES).optional().describe(STATUS_WORDS),
    category: z.enum(TICKET_CATEGORIES).optional(),
    pbxId: ZId.optional().describe("Only the tickets about this PBX."),
    q: z.string().trim().min(1).max(100).optional().describe("Part of the subject."),
  }),
  response: pageOf(ZApiTicket),
});

export const getTicketEndpoint = defineEndpoint({
  method: "GET",
  path: "/tickets/{id}",
  tag: TAG,
  summary: "Read a support ticket and its thread",
  scope: "tickets:read",
  params: ZTicketParams,
  response: ZApiTicketDetail,
});

export const openTicketEndpoint = defineEndpoint({
  method: "POST",
  path: "/tickets",
  tag: TAG,
  summary: "Open a support ticket",
  description:
    "As the portal's form: every category but OTHER names the PBX; CNAM names US or Canadian numbers of it and " +
    "the caller name; DEFAULT_CALLER_NUMBER one number whose emergency location is entered (EU and US " +
    "numbers); SENDER_ID_REGISTRATION the sender name and a country that requires registration; " +
    "EMERGENCY_SERVICE a PBX with CLASSOUND whose emergency service is not configured yet.",
  scope: "tickets:write",
  body: ZOpenTicket,
  response: ZApiTicketDetail,
  status: 201,
});

export const replyToTicketEndpoint = defineEndpoint({
  method: "POST",
  path: "/tickets/{id}/messages",
  tag: TAG,
  summary: "Reply to a support ticket",
  description: "The ticket then waits for support (a resolved one reopens); a closed ticket is 409.",
  scope: "tickets:write",
  params: ZTicketParams,
  body: ZTicketReply.pick({ body: true }),
  response: ZApiTicketMessage,
  status: 201,
  problems: { 409: "The ticket is closed." },
});

export const attachToTicketEndpoint = defineEndpoint({
  method: "POST",
  path: "/tickets/{id}/attachments",
  tag: TAG,
  summary: "Attach a file to a support ticket",
  description: "A message of its own carrying the file, as the portal's thread shows it; a closed ticket is 409.",
  scope: "tickets:write",
  params: ZTicketParams,
  body: z.object({ file: z.file().describe("PDF, PNG or JPEG, checked by its content.") }),
  upload: { mediaTypes: Object.keys(ACCEPTED_UPLOAD_TYPES) },
  response: ZApiTicketMessage,
  status: 201,
  problems: { 409: "The ticket is closed." },
});

export const closeTicketEndpoint = defineEndpoint({
  method: "POST",
  path: "/tickets/{id}/close",
  tag: TAG,
  summary: "Close a support ticket",
  description: "Final: a closed ticket takes no more messages (409 when it is closed already).",
  scope: "tickets:write",
  params: ZTicketParams,
  response: ZApiTicketDetail,
  problems: { 409: "The ticket is closed already." },
});

/** The ticket operations of /api/v1. */
export const TICKET_ENDPOINTS: ApiEndpoint[] = [
  listTicketsEndpoint,
  openTicketEndpoint,
  getTicketEndpoint,
  replyToTicketEndpoint,
  attachToTicketEndpoint,
  closeTicketEndpoint,
] as ApiEndpoint[];
