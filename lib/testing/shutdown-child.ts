// The server a shutdown test sends SIGTERM (lib/ops/graceful-shutdown.test.ts): scripts/server.ts's
// pieces (the portal server, its shutdown plan, the job runner, the process's pools) around a few
// routes instead of Next.js, whose build a unit test cannot wait for. Routes:
//   GET  /slow?ms=N  waits N ms, then answers what /api/ready would say by then (a page in flight)
//   POST /upload     a multipart upload stored as the portal's upload routes store one
// and two jobs queued at start: `hold-short` (a few seconds) and `hold-long` (past any deadline).
import { Readable } from "node:stream";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { createPrismaClient } from "@/lib/db/client";
import { readUploadedFile } from "@/lib/http/uploaded-file";
import { defineJob } from "@/lib/jobs/definition";
import { mailSweepJob } from "@/lib/jobs/mail-jobs";
import { startJobRunner } from "@/lib/jobs/runner";
import { log } from "@/lib/log/logger";
import { onStopSignal, shutDown } from "@/lib/ops/graceful-shutdown";
import { closeAtShutdown, closeProcessPools } from "@/lib/ops/lifecycle";
import { createPortalServer } from "@/lib/ops/portal-server";
import { readiness } from "@/lib/ops/readiness";
import { storeFile } from "@/lib/storage";
import type { IncomingMessage } from "node:http";

const env = readRuntimeEnv();
const url = env.DATABASE_URL!;
const prisma = createPrismaClient(url, 3);
closeAtShutdown("database pool", () => prisma.$disconnect());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const hold = (name: string) =>
  defineJob({
    name,
    queue: { policy: "standard", retryLimit: 2, retryDelay: 60 },
    parse: (data) => data as { ms: number },
    async run(_context, { ms }) {
      log.info("job started", { job: name });
      await sleep(ms);
      log.info("job finished", { job: name });
    },
  });

function webRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
  return new Request(`http://localhost${req.url}`, {
    method: req.method,
    headers,
    body,
    duplex: "half",
  } as RequestInit);
}

const portal = createPortalServer(
  async (req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? "/", "http://localhost");
    if (pathname === "/slow") {
      log.info("slow request started");
      await sleep(Number(searchParams.get("ms")));
      const { body } = await readiness(prisma);
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    } else if (pathname === "/upload") {
      const file = await storeFile(prisma, {
        ...(await readUploadedFile(webRequest(req))),
        partnerId: null,
        uploadedById: null,
      });
      res.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ id: file.id }));
    } else {
      res.writeHead(404).end();
    }
  },
  { trustedProxyHops: 0 },
);

const runner = await startJobRunner({
  connectionString: url,
  db: prisma,
  sendMail: null,
  jobs: [mailSweepJob, hold("hold-short"), hold("hold-long")],
  pollingIntervalSeconds: 0.5,
});
onStopSignal((signal) =>
  shutDown(signal, {
    portal,
    timeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    stopBackground: (timeoutMs) => runner.stop(timeoutMs),
    closeAfter: () => closeProcessPools(),
  }),
);
const jobs = {
  short: await runner.boss.send("hold-short", { ms: Number(process.env.SHORT_JOB_MS) }),
  long: await runner.boss.send("hold-long", { ms: 600_000 }),
};
await new Promise<void>((resolve) => portal.server.listen(0, "127.0.0.1", resolve));
const address = portal.server.address();
log.info("listening", { port: typeof address === "object" ? address?.port : undefined, jobs });
