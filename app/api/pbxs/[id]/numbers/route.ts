import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { searchPbxNumbers } from "@/lib/numbers/picker";
import { NUMBER_PURPOSES } from "@/lib/numbers/picker-schemas";
import { searchPage } from "@/lib/http/search-params";

// The number pickers' search (default caller, CNAM, blocking): a GET, so typing never queues behind a server action.
const ZQuery = z.object({
  q: z.string().trim().max(30).optional().catch(undefined),
  purpose: z.enum(NUMBER_PURPOSES).catch("any"),
  page: searchPage,
});

export const GET = route(
  { permission: "numbers.view", params: z.object({ id: ZId }) },
  async ({ request, params, actor, db }) => {
    const query = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    return searchPbxNumbers(db, actor, { pbxId: params.id, ...query });
  },
);
