import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  /** The raw body, as a signature is checked against it. */
  body: string;
}

type Answer = (request: ReceivedWebhook, response: ServerResponse) => void;

/**
 * A partner's webhook receiver for tests: a real HTTP server on 127.0.0.1 that records every request
 * and answers 200 unless a path is told otherwise (`answer(path, status)` or a handler of its own).
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const answers = new Map<string, Answer>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = new URL(request.url ?? "/", "http://receiver").pathname;
      const webhook = { path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(webhook);
      const answer = answers.get(path);
      if (answer) answer(webhook, response);
      else response.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    received,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    at: (path: string) => received.filter((r) => r.path === path),
    /** Answers `path` with `status` (and a body), or with a handler of its own. */
    answer(path: string, status: number | Answer, body = "") {
      answers.set(path, typeof status === "number" ? (_, response) => response.writeHead(status).end(body) : status);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
