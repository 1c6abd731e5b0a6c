// Liveness (decision 0079): the process answers. Nothing else is asked, the database least of all: a
// database outage must not make the platform restart every instance.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
