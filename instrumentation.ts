import type { Instrumentation } from "next";

// Errors Next.js catches in a page, an action or a route handler: one JSON line with the request's id
// and the stack (decision 0080), beside Next's own plain message. Node runtime only: the logger is.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ log }, { loggedPath }, { REQUEST_ID_HEADER }] = await Promise.all([
    import("@/lib/log/logger"),
    import("@/lib/log/request-log"),
    import("@/lib/log/request-id"),
  ]);
  const requestId = request.headers[REQUEST_ID_HEADER];
  log.error("request error", {
    ...(typeof requestId === "string" ? { requestId } : {}),
    method: request.method,
    path: loggedPath(request.path),
    route: context.routePath,
    routeType: context.routeType,
    error,
  });
};
