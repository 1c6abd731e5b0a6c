import { z } from "zod";
import { listCalls } from "@/lib/cdr/statistics/call-list";
import { statisticsContext } from "@/lib/cdr/statistics/context";
import { route } from "@/lib/http/route";

export const GET = route({ permission: "statistics.view", params: z.object({}) }, async ({ request, actor, db }) =>
  listCalls(db, await statisticsContext(db, actor, new URL(request.url).searchParams)),
);
