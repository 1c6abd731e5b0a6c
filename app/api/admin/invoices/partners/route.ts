import { z } from "zod";
import { searchInvoicePartners } from "@/lib/billing/queries";
import { route } from "@/lib/http/route";
import { searchText } from "@/lib/http/search-params";

// The run form's partner picker: a GET, so typing never queues behind a server action.
const ZQuery = z.object({ q: searchText(100) });

export const GET = route(
  { permission: "invoices.manage", params: z.object({}).optional() },
  async ({ request, actor, db }) => {
    const { q } = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return searchInvoicePartners(db, actor, { q });
  },
);
