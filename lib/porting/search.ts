import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { searchEnum, searchPage } from "@/lib/http/search-params";
import { PORTING_STATUSES } from "./transitions";

/** The query string of the porting lists; anything malformed falls back to the default view. */
export const ZPortingSearch = z.object({
  status: searchEnum(PORTING_STATUSES),
  partner: ZId.optional().catch(undefined),
  page: searchPage,
});

/** "Port numbers in" from a PBX's page preselects it. */
export const ZNewPortingSearch = z.object({ pbx: ZId.optional().catch(undefined) });
