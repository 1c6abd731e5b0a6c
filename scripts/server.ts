// The HTTP server `npm start` runs: Next.js through its custom-server API, behind the one piece of
// code that sees the TCP peer. Next hands route code no peer address, and X-Forwarded-For is whatever
// a directly connecting client wrote, so the peer goes into a header of ours (lib/auth/client-address.ts).
// Requests Next would fail on with a 500 (a path that does not percent-decode, an action body it cannot
// decode) are answered here first (lib/http/malformed-request.ts).
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { guardMalformedRequest } from "@/lib/http/malformed-request";
import { summarizeUnknownActionWarnings } from "./unknown-action-log";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);

summarizeUnknownActionWarnings();

const app = next({ dev, hostname: "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  // Replaced, never appended to: a client-sent copy would let the client choose its address again.
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
  void guardMalformedRequest(req, res, handle);
});
// An idle keep-alive connection is kept longer than a client or a proxy in front keeps it (Node closes
// it after 5 s by default): a client reusing it just as the server closes it gets ECONNRESET, as a
// test's request did after a 5-second page check. headersTimeout stays above it, as Node advises.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
await new Promise<void>((resolve) => server.listen(port, resolve));

// Background jobs run in this process unless a separate `npm run worker` does them. Their modules
// (every job's code) take seconds to load: loaded once the server listens, not before.
const env = readRuntimeEnv();
if (env.JOBS_IN_PROCESS && env.DATABASE_URL) {
  const { runWorkers } = await import("@/lib/jobs/process");
  const workers = await runWorkers(env.DATABASE_URL);
  const shutdown = () => void workers.stop().finally(() => process.exit(0));
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
