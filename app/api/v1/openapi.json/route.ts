import { openApiDocument } from "@/lib/api/openapi";

// Public: the document describes the API, it holds no partner's data, and a client generator or a
// partner's tooling fetches it without a key. Built once per process: it changes only with the code.
let cached: string | undefined;

export function GET(): Response {
  cached ??= JSON.stringify(openApiDocument());
  return new Response(cached, {
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
