import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { parseRouteParams } from "@/lib/http/search-params";

const ZParams = z.object({ id: ZId });

/** The PBX id of a hub tab's route (a malformed one is a 404, never a query). */
export async function pbxIdOf(params: Promise<{ id: string }>): Promise<string> {
  return parseRouteParams(ZParams, await params).id;
}
