import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { searchEnum } from "@/lib/http/search-params";
import { TICKET_CATEGORIES, TICKET_STATUSES } from "./categories";

/** The query string of the ticket lists; anything malformed falls back to the default view. */
export const ZTicketSearch = z.object({
  status: searchEnum(TICKET_STATUSES),
  category: searchEnum(TICKET_CATEGORIES),
  partner: ZId.optional().catch(undefined),
});

/** The query string of "open a ticket", so other flows can link to it prefilled. */
export const ZNewTicketSearch = z.object({
  category: z.enum(TICKET_CATEGORIES).catch("OTHER"),
  pbx: ZId.optional().catch(undefined),
  numbers: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) =>
      (v ?? "")
        .split(",")
        .filter((id) => ZId.safeParse(id).success)
        .slice(0, 100),
    ),
  subject: z.string().max(150).optional().catch(undefined),
});
