import { z } from "zod";
import { statisticsContext } from "@/lib/cdr/statistics/context";
import { FIGURE_NAMES, statisticsFigure } from "@/lib/cdr/statistics/figures";
import { route } from "@/lib/http/route";
import { requestRangeRanking } from "@/lib/jobs/enqueue";

export const GET = route(
  { permission: "statistics.view", params: z.object({ figure: z.enum(FIGURE_NAMES) }) },
  async ({ request, params, actor, db }) =>
    statisticsFigure(
      db,
      await statisticsContext(db, actor, new URL(request.url).searchParams),
      params.figure,
      "rollup",
      requestRangeRanking,
    ),
);
