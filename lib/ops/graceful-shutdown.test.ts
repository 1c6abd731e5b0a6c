import { createHash } from "node:crypto";
import { readdir, readFile, mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";
import { outputMatching, startTsChild } from "@/lib/testing/ts-child";

const CHILD = fileURLToPath(new URL("../testing/shutdown-child.ts", import.meta.url));
const { prisma, url } = await createTestDatabase();
const dataDir = await mkdtemp(path.join(os.tmpdir(), "classound-shutdown-"));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** A PDF of `size` bytes as a multipart form, the way the portal's upload forms send one. */
async function pdfUpload(size: number, title: string) {
  const head = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n% ${title}\n%`;
  const tail = "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  const bytes = new TextEncoder().encode(head + "x".repeat(size - head.length - tail.length) + tail);
  const form = new FormData();
  form.set("file", new File([bytes], `${title}.pdf`, { type: "application/pdf" }));
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { body: new Uint8Array(await request.arrayBuffer()), contentType: request.headers.get("content-type")! };
}

type Answer = { status: number; connection?: string; body: string } | Error;

/** An upload whose first half is sent now and the rest when `finish` is called (or never). */
function halfSentUpload(port: number, { body, contentType }: { body: Uint8Array; contentType: string }) {
  const request = http.request({
    host: "127.0.0.1",
    port,
    path: "/upload",
    method: "POST",
    agent: false,
    headers: { "content-type": contentType, "content-length": body.byteLength },
  });
  const answer = new Promise<Answer>((resolve) => {
    request.on("error", resolve);
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode!, connection: response.headers.connection, body: text }),
      );
      response.on("error", resolve);
    });
  });
  const half = Math.floor(body.byteLength / 2);
  request.write(body.subarray(0, half));
  return { answer, finish: () => request.end(body.subarray(half)) };
}

function connectionRefused(port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code));
  });
}

const logLines = (output: string) =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("SIGTERM", () => {
  it(
    "lets requests in flight and the job in hand finish, refuses new connections, releases the job it cannot finish, and exits 0",
    { timeout: 90_000 },
    async () => {
      const server = startTsChild(CHILD, [], {
        DATABASE_URL: url,
        CLASSOUND_DATA_DIR: dataDir,
        SHUTDOWN_TIMEOUT_SECONDS: "4",
        SHORT_JOB_MS: "2500",
      });
      await outputMatching(server, /"msg":"listening"/);
      const listening = logLines(server.output()).find((line) => line.msg === "listening")!;
      const port = listening.port as number;
      const jobIds = listening.jobs as { short: string; long: string };
      await outputMatching(
        server,
        /"job":"hold-short"[\s\S]*"job":"hold-long"|"job":"hold-long"[\s\S]*"job":"hold-short"/,
      );

      const page = fetch(`http://127.0.0.1:${port}/slow?ms=1500`);
      await outputMatching(server, /slow request started/);
      const completing = halfSentUpload(port, await pdfUpload(256 * 1024, "completes"));
      const stalled = halfSentUpload(port, await pdfUpload(256 * 1024, "stalls"));
      await new Promise((resolve) => setTimeout(resolve, 300));

      server.child.kill("SIGTERM");
      await outputMatching(server, /shutdown started/);
      expect(await connectionRefused(port), server.output()).toBe("ECONNREFUSED");
      completing.finish();

      const uploaded = await completing.answer;
      expect(uploaded).toMatchObject({ status: 201, connection: "close" });
      const pageAnswer = await page;
      expect(pageAnswer.status).toBe(200);
      // In flight, the page found the instance leaving the balancer.
      expect(await pageAnswer.json()).toEqual({ status: "not ready", reason: "shutting down" });
      // Still half sent at the deadline: cut, never answered.
      expect(await stalled.answer).toBeInstanceOf(Error);
      expect(await server.exited, server.output()).toBe(0);

      // The upload that completed is recorded with its file; the one cut is neither.
      const { id } = JSON.parse((uploaded as { body: string }).body) as { id: string };
      const files = await prisma.storedFile.findMany();
      expect(files.map((file) => file.id)).toEqual([id]);
      const uploads = path.join(dataDir, "uploads");
      const onDisk = (await readdir(uploads, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
      expect(onDisk.map((entry) => entry.name)).toEqual([files[0].storageKey]);
      const bytes = await readFile(path.join(onDisk[0].parentPath, onDisk[0].name));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(files[0].sha256);

      // The job in hand finished; the one past the deadline is back in the queue, no retry spent.
      const jobs = await prisma.$queryRaw<
        { id: string; state: string; retry_count: number; started_on: Date | null; waits_s: number }[]
      >`SELECT id::text, state::text, retry_count, started_on, extract(epoch FROM start_after - now())::float8 AS waits_s
        FROM pgboss.job WHERE id::text IN (${jobIds.short}, ${jobIds.long})`;
      const byId = new Map(jobs.map((job) => [job.id, job]));
      expect(byId.get(jobIds.short)?.state).toBe("completed");
      expect(byId.get(jobIds.long)).toMatchObject({ state: "retry", retry_count: 0, started_on: null });
      expect(byId.get(jobIds.long)!.waits_s).toBeLessThan(10);

      const lines = logLines(server.output());
      const pageLine = lines.find((line) => line.msg === "request" && line.path === "/slow");
      expect(pageLine).toMatchObject({ level: "info", method: "GET", status: 200 });
      expect(pageLine?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(pageLine?.durationMs).toBeGreaterThanOrEqual(1500);
      expect(lines.find((line) => line.msg === "shutdown complete")).toMatchObject({ cutRequests: 1 });
      expect(lines.filter((line) => line.msg === "request" && line.path === "/upload")).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ status: 201, level: "info" }),
          expect.objectContaining({ aborted: true, level: "warn" }),
        ]),
      );
    },
  );
});
