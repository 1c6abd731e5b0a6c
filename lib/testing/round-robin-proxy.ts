import { Agent, createServer, request as forward, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A load balancer for tests: each request goes to the next instance in turn. */
export interface RoundRobinProxy {
  url: string;
  /** Requests handed to each target so far, by the target's place in the list. */
  served: number[];
  stop(): Promise<void>;
}

/** Names the target that answered (its place in the list), so a test can see a flow crossed instances. */
export const SERVED_BY_HEADER = "x-served-by";

// Meaningful for one connection only (RFC 9110 §7.6.1): never passed on by a proxy.
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"];

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept = { ...headers };
  for (const name of HOP_BY_HOP) delete kept[name];
  return kept;
}

/**
 * Starts a proxy on a free local port in front of `targets` (base URLs), alternating per request as
 * a round-robin balancer does: consecutive requests of one page, one sign-in or one download land on
 * different instances. The Host header is passed on as sent, so the instances see the proxy's
 * address as their public one (NEXTAUTH_URL), as behind a real balancer.
 */
export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const agent = new Agent({ keepAlive: true });
  const served = targets.map(() => 0);
  let turn = 0;
  const server = createServer((request, response) => {
    const index = turn++ % targets.length;
    served[index]++;
    const target = new URL(targets[index]!);
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: endToEnd(request.headers),
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, {
          ...endToEnd(answer.headers),
          [SERVED_BY_HEADER]: String(index),
        });
        answer.pipe(response);
      },
    );
    upstream.on("error", (error) => {
      if (response.headersSent) response.destroy(error);
      else
        response
          .writeHead(502, { "Content-Type": "text/plain" })
          .end(`proxy: target ${index} failed: ${error.message}`);
    });
    // A client that gives up (a page navigating away) must not leave the upstream request running.
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    served,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
