import { z } from "zod";
import { searchResaleCustomers } from "@/lib/billing/resale/settings";
import { route } from "@/lib/http/route";
import { searchText } from "@/lib/http/search-params";

// The resale-prices form's customer picker: a GET, so typing never queues behind a server action.
const ZQuery = z.object({ q: searchText(100) });

export const GET = route(
  { permission: "resale.manage", params: z.object({}).optional() },
  async ({ request, actor, db }) => {
    const { q } = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return searchResaleCustomers(db, actor, { q });
  },
);
