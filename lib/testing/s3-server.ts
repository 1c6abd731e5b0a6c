import { CreateBucketCommand } from "@aws-sdk/client-s3";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { s3Client, type S3Settings } from "@/lib/storage/s3-driver";

/** A real S3-compatible server (moto's server mode) on a free local port, for the storage tests and a multi-instance run. */
export interface S3TestServer {
  endpoint: string;
  /** Driver settings for `bucket` on this server (creates nothing: see createBucket). */
  settings(bucket: string): S3Settings;
  /** The environment that points the portal at `bucket` on this server (lib/config/runtime.ts). */
  env(bucket: string): Record<string, string>;
  createBucket(bucket: string): Promise<void>;
  /** SIGKILL, as a crashed or unplugged store: connections in flight are cut. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

// moto.server.main with a watchdog: the server exits when the process that started it is gone, so
// a test worker that dies does not leave it behind.
const LAUNCHER = `
import os, sys, threading, time
parent = os.getppid()
def watch():
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)
threading.Thread(target=watch, daemon=True).start()
from moto.server import main
main(["-H", "127.0.0.1", "-p", "0"])
`;

const CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

async function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  let output = "";
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(`no "Running on" line within ${timeoutMs} ms`), timeoutMs);
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`moto server did not start: ${reason}\n${output.slice(-2000)}`));
    };
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      child.off("exit", exitedEarly);
      // Keep draining, unread: moto logs every request, and a full pipe would stall it.
      for (const stream of [child.stdout!, child.stderr!]) stream.off("data", read).resume();
      resolve(Number(port));
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    const exitedEarly = (code: number | null, signal: string | null) => fail(`exited (${signal ?? code})`);
    child.once("error", (error) => fail(error.message));
    child.once("exit", exitedEarly);
  });
}

/** Starts moto's S3 server (python3 with moto[server]; `.ci/run` installs it), in about a second. */
export async function startS3Server({ timeoutMs = 20_000 } = {}): Promise<S3TestServer> {
  const child = spawn("python3", ["-c", LAUNCHER], { stdio: ["ignore", "pipe", "pipe"] });
  const port = await listeningPort(child, timeoutMs);
  const endpoint = `http://127.0.0.1:${port}`;
  const exited = once(child, "exit");
  const settings = (bucket: string): S3Settings => ({
    bucket,
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    ...CREDENTIALS,
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    endpoint,
    settings,
    env: (bucket) => ({
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    }),
    async createBucket(bucket) {
      const client = s3Client(settings(bucket));
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      client.destroy();
    },
    kill: () => end("SIGKILL"),
    stop: () => end("SIGTERM"),
  };
}

/**
 * The server, or why it cannot run here (no python3, no moto): a machine without them skips the S3
 * cases with the reason printed. In CI (`CI` set) it must run: `.ci/run` installs what it needs.
 */
export async function startS3ServerOrSkip(): Promise<{ server?: S3TestServer; skipped?: string }> {
  try {
    return { server: await startS3Server() };
  } catch (error) {
    if (process.env.CI) throw error;
    const skipped = `S3 storage cases skipped: ${error instanceof Error ? error.message : String(error)}`;
    console.warn(skipped);
    return { skipped };
  }
}
