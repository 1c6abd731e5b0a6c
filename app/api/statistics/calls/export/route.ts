import { z } from "zod";
import { callsCsv } from "@/lib/cdr/statistics/call-list";
import { statisticsContext } from "@/lib/cdr/statistics/context";
import { downloadHeaders } from "@/lib/http/download";
import { route } from "@/lib/http/route";
import { countedWhileStreaming, startExpensiveWork } from "@/lib/limits/expensive-work";

export const GET = route({ permission: "statistics.view", params: z.object({}) }, async ({ request, actor, db }) => {
  const context = await statisticsContext(db, actor, new URL(request.url).searchParams);
  // Counted against the user's exports until the stream ends or the client goes away (429 past the limits).
  const rows = countedWhileStreaming(db, await startExpensiveWork(db, actor, "EXPORT"), callsCsv(db, context));
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return new Response(body, {
    headers: downloadHeaders({ fileName: "calls.csv", contentType: "text/csv; charset=utf-8" }, "attachment"),
  });
});
