import "server-only";
import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import type { Actor } from "@/lib/auth/actor";
import { statisticsContext } from "@/lib/cdr/statistics/context";
import { statisticsFigure } from "@/lib/cdr/statistics/figures";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { requestRangeRanking } from "@/lib/jobs/enqueue";
import { FIRST_SCREEN_FIGURES, figureQueryOf, statisticsKey } from "./query-keys";

// As the route handlers send it: the client reads JSON, so the cache holds what JSON gives back.
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/**
 * The dashboard's first-screen figures for a filter query (`FIRST_SCREEN_FIGURES`), computed in the
 * page's own request (in parallel, one session check) instead of requests the browser sends after
 * hydrating. What fails here (a foreign id, a rate limit) is left out: the figure then
 * asks its route handler, which answers with the error as before.
 */
export async function prefetchStatistics(db: Db, actor: Actor, query: string): Promise<DehydratedState | undefined> {
  let context;
  try {
    context = await statisticsContext(db, actor, new URLSearchParams(query));
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
  const client = new QueryClient();
  const figureQuery = figureQueryOf(query);
  await Promise.all(
    FIRST_SCREEN_FIGURES.map((name) =>
      client.prefetchQuery({
        queryKey: statisticsKey(`figures/${name}`, figureQuery),
        queryFn: async () => asJson(await statisticsFigure(db, context, name, "rollup", requestRangeRanking)),
      }),
    ),
  );
  return dehydrate(client);
}
