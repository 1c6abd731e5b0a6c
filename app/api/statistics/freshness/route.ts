import { z } from "zod";
import { statisticsContext } from "@/lib/cdr/statistics/context";
import { callFreshness } from "@/lib/cdr/statistics/freshness";
import { route } from "@/lib/http/route";

/** How current the figures of the statistics' filters are: the newest call counted, the calls still being rated. */
export const GET = route(
  { permission: "statistics.view", params: z.object({}).optional() },
  async ({ request, actor, db }) =>
    callFreshness(db, await statisticsContext(db, actor, new URL(request.url).searchParams)),
);
