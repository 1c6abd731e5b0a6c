import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "./logger";

// Path segments that are secrets: a set-password link is a password for 72 hours.
const SECRET_SEGMENTS = [/^(\/set-password\/)[^/]+/];

/** The path as logged: no query string (it may carry anything) and no secret segment. */
export function loggedPath(url: string | undefined): string {
  const path = (url ?? "/").split("?", 1)[0];
  return SECRET_SEGMENTS.reduce((kept, secret) => kept.replace(secret, "$1…"), path);
}

/**
 * Writes one line when the response is done or the connection went first: method, path, status,
 * duration in ms; `aborted` when the client (or the shutdown's deadline) cut it.
 */
export function logWhenDone(log: Logger, req: IncomingMessage, res: ServerResponse, requestId: string) {
  const startedAt = performance.now();
  res.once("close", () => {
    const fields = {
      requestId,
      method: req.method,
      path: loggedPath(req.url),
      status: res.statusCode,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (res.statusCode >= 500) log.error("request", fields);
    else if (!res.writableFinished) log.warn("request", fields);
    else log.info("request", fields);
  });
}
