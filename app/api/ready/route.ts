import { db } from "@/lib/db/client";
import { readiness } from "@/lib/ops/readiness";

// Readiness (decision 0079): 200 when this instance can serve (database reachable, this build's
// migrations applied), 503 with the reason otherwise or while it shuts down. The job workers'
// heartbeat is reported in the body and never makes it 503.
export const dynamic = "force-dynamic";

export async function GET() {
  const { httpStatus, body } = await readiness(db());
  return Response.json(body, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
