import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { ZNumbersMatching } from "@/lib/numbers/picker-schemas";
import { CNAM_MAX_LENGTH } from "./limits";
import { TICKET_CATEGORIES } from "./categories";

const ZMessage = z.string().trim().min(1, "Write a message.").max(5000, "A message has at most 5000 characters.");

/**
 * What opening a ticket needs. Fields beyond the common ones depend on the category, so the rules
 * are checked together and each missing field is reported under its own name.
 */
export const ZOpenTicket = z
  .object({
    category: z.enum(TICKET_CATEGORIES, "Choose a category."),
    pbxId: ZId.optional(),
    numberIds: z.array(ZId).max(100).default([]),
    /** Every number of the PBX matching a search (resolved on the server), instead of a list of ids. */
    numbersMatching: ZNumbersMatching.optional(),
    subject: z.string().trim().min(3, "Give the ticket a subject.").max(150, "A subject has at most 150 characters."),
    message: ZMessage,
    callerName: z
      .string()
      .trim()
      .max(CNAM_MAX_LENGTH, `A caller name has at most ${CNAM_MAX_LENGTH} characters.`)
      .optional(),
    senderName: z.string().trim().max(50).optional(),
    countryCode: z
      .string()
      .regex(/^[A-Z]{2}$/, "Choose a country.")
      .optional(),
  })
  .superRefine((input, ctx) => {
    const need = (field: "pbxId" | "numberIds" | "callerName" | "senderName" | "countryCode", message: string) =>
      ctx.addIssue({ code: "custom", path: [field], message });
    if (input.category !== "OTHER" && !input.pbxId) need("pbxId", "Choose the PBX this is about.");
    if (input.category === "CNAM") {
      if (!input.numberIds.length && !input.numbersMatching)
        need("numberIds", "Choose the numbers that should show the caller name.");
      if (!input.callerName) need("callerName", "Enter the caller name to show.");
    }
    if (input.category === "DEFAULT_CALLER_NUMBER" && (input.numberIds.length !== 1 || input.numbersMatching))
      need("numberIds", "Choose the one number to use as default caller number.");
    if (input.category === "SENDER_ID_REGISTRATION") {
      if (!input.senderName) need("senderName", "Enter the sender name to register.");
      if (!input.countryCode) need("countryCode", "Choose the country to register it in.");
    }
  });
export type TOpenTicket = z.input<typeof ZOpenTicket>;

export const ZTicketReply = z.object({ ticketId: ZId, body: ZMessage });
export const ZTicketRef = z.object({ ticketId: ZId });
export const ZAssignTicket = z.object({ ticketId: ZId, assigneeId: ZId.nullable() });
export const ZResolveTicket = z.object({ ticketId: ZId, note: z.string().trim().max(5000).optional() });
