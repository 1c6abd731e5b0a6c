import { z } from "zod";
import { route } from "@/lib/http/route";
import { searchText } from "@/lib/http/search-params";
import { searchCustomersForPbx } from "@/lib/pbx/register";

// The registration form's customer picker: a GET, so typing never queues behind a server action.
const ZQuery = z.object({ q: searchText(100) });

export const GET = route(
  { permission: "pbx.manage", params: z.object({}).optional() },
  async ({ request, actor, db }) => {
    const { q } = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return searchCustomersForPbx(db, actor, { q });
  },
);
