import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { searchEnum, searchPage } from "@/lib/http/search-params";
import { TICKET_CATEGORIES, TICKET_STATUSES } from "./categories";

/** The ticket lists show this many a page, in the server's order (longest waiting first). */
export const TICKETS_PAGE_SIZE = 25;

/** The query string of the ticket lists; anything malformed falls back to the default view. */
export const ZTicketSearch = z.object({
  status: searchEnum(TICKET_STATUSES),
  category: searchEnum(TICKET_CATEGORIES),
  partner: ZId.optional().catch(undefined),
  page: searchPage,
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
  /** "1": start with every number the category accepts selected (the PBX page's CNAM link). */
  allNumbers: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  subject: z.string().max(150).optional().catch(undefined),
});
