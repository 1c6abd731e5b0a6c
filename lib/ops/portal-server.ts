import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { log as defaultLog, type Logger } from "@/lib/log/logger";
import { withRequestContext } from "@/lib/log/request-context";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/log/request-id";
import { logWhenDone } from "@/lib/log/request-log";
import { shuttingDownSince } from "./lifecycle";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface PortalServer {
  server: Server;
  /** Responses not yet done: a shutdown waits for them (up to its deadline). */
  inFlight: ReadonlySet<ServerResponse>;
}

/**
 * The HTTP server in front of the app (scripts/server.ts, decision 0006): the one piece of code that
 * sees the TCP peer, so it writes the peer into our header (any client-sent copy deleted first); it
 * gives each request an id (a trusted proxy's, or a new one: lib/log/request-id.ts), runs the handler
 * in that request's context (the audit log and log lines name it), and logs one line when it is done.
 */
export function createPortalServer(
  handle: RequestHandler,
  { trustedProxyHops, log = defaultLog }: { trustedProxyHops: number; log?: Logger },
): PortalServer {
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    // Replaced, never appended to: a client-sent copy would let the client choose its address again.
    delete req.headers[CLIENT_ADDRESS_HEADER];
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    const requestId = requestIdFor(req.headers[REQUEST_ID_HEADER], trustedProxyHops);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader("X-Request-Id", requestId);
    // A request on a kept-alive connection during a shutdown is served, and its connection goes with it.
    if (shuttingDownSince()) res.setHeader("Connection", "close");
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    logWhenDone(log, req, res, requestId);
    void withRequestContext({ requestId }, async () => {
      try {
        await handle(req, res);
      } catch (error) {
        log.error("request failed", { requestId, error });
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Server error");
        else res.destroy();
      }
    });
  });
  // An idle keep-alive connection is kept longer than a client or a proxy in front keeps it (Node closes
  // it after 5 s by default): a client reusing it just as the server closes it gets ECONNRESET, as a
  // test's request did after a 5-second page check. headersTimeout stays above it, as Node advises.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return { server, inFlight };
}
