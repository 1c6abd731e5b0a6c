import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { test, type APIResponse, type Browser, type BrowserContext } from "@playwright/test";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrationNames } from "@/lib/db/migration-status";
import { HEARTBEAT_FRESH_SECONDS } from "@/lib/jobs/heartbeat";
import { CUSTOMERS, PARTNERS, tenantRows } from "@/lib/db/seed/tenants";
import { s3Client } from "@/lib/storage/s3-driver";
import { makePartnerApiKey } from "@/lib/testing/api-keys";
import { makeOrderablePbx } from "@/lib/testing/api-fixtures-numbers";
import { actorOf, makeTenantUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { startRoundRobinProxy, SERVED_BY_HEADER, type RoundRobinProxy } from "@/lib/testing/round-robin-proxy";
import { startS3ServerOrSkip, type S3TestServer } from "@/lib/testing/s3-server";
import { countUnreferencedStoredFiles } from "@/lib/testing/stored-files";
import { sampleFiles } from "@/lib/testing/sample-files";
import { startSmtpServer } from "@/lib/testing/smtp";
import { makeTicket } from "@/lib/testing/support-fixtures";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { e2eDatabaseUrl, expect, makeE2eTenant, signIn } from "./fixtures";
import { freePort, launchPortal, type PortalInstance } from "./portal-instance";
import { createScratchDatabase } from "./scratch-database";

// Issue 35, "several instances, proven": two portals started at the same moment on one empty
// database and one S3 bucket (moto's server), behind a round-robin proxy, run the flows that cross
// instances. They serve the e2e server's build (`--no-build`), run the demo (so there is a seed to
// race) and their job workers, and mail to an SMTP server and webhooks to a receiver of the test's.
// The tests run in order on one pair of instances; the last stops them as a platform does.
// Not the fixtures' `test`: its accessibility check of every page would re-check the e2e pages here.

test.describe.configure({ mode: "serial" });

const START_TIMEOUT_MS = 150_000;
const SHUTDOWN_SECONDS = 10;

interface Cluster {
  db: Db;
  s3: S3TestServer;
  bucket: string;
  proxy: RoundRobinProxy;
  a: PortalInstance;
  b: PortalInstance;
  dataDirs: string[];
  smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  /** When both answered ready: what was written after it is the tests' doing, not the start-up's. */
  readyAt: Date;
}

let cluster: Cluster;
// Undone in reverse order after the tests, also when the set-up failed half-way.
const teardown: (() => Promise<unknown>)[] = [];
let failed = false;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(START_TIMEOUT_MS + 30_000);
  failed = true; // until the set-up is through
  const { server: s3, skipped } = await startS3ServerOrSkip();
  // Only where python3 has no moto, and never under CI: startS3ServerOrSkip fails there instead.
  test.skip(!s3, skipped);
  teardown.push(() => s3!.stop());
  const bucket = `classound-multi-${randomBytes(4).toString("hex")}`;
  await s3!.createBucket(bucket);

  const database = await createScratchDatabase(e2eDatabaseUrl(), "multi_instance");
  teardown.push(() => database.drop());
  const [smtp, receiver] = await Promise.all([startSmtpServer(), startWebhookReceiver()]);
  teardown.push(smtp.stop, receiver.stop);

  const [portA, portB] = [await freePort(), await freePort()];
  const proxy = await startRoundRobinProxy([`http://localhost:${portA}`, `http://localhost:${portB}`]);
  teardown.push(proxy.stop);
  const dataDirs = [
    await mkdtemp(path.join(os.tmpdir(), "classound-a-")),
    await mkdtemp(path.join(os.tmpdir(), "classound-b-")),
  ];
  teardown.push(() => Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  const shared = {
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: "4",
    CLASSOUND_DEMO: "true",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: proxy.url,
    JOBS_IN_PROCESS: "true",
    ...s3!.env(bucket),
    UPLOADTHING_TOKEN: undefined,
    SMTP_URL: smtp.url(),
    CLASSOUND_WEBHOOK_ALLOW_PRIVATE: "true",
    SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_SECONDS),
    // The runtime half of the e2e build's settings (next.config.mjs: no compression).
    CLASSOUND_TEST_BUILD: "1",
  };
  // At the same moment: the start-up lock, not luck, must keep them from doing the work twice.
  const a = launchPortal("instance A", portA, { ...shared, CLASSOUND_DATA_DIR: dataDirs[0] });
  teardown.push(async () => a.kill());
  const b = launchPortal("instance B", portB, { ...shared, CLASSOUND_DATA_DIR: dataDirs[1] });
  teardown.push(async () => b.kill());
  cluster = { db: undefined!, s3: s3!, bucket, proxy, a, b, dataDirs, smtp, receiver, readyAt: new Date() };
  await Promise.all([a.ready(START_TIMEOUT_MS), b.ready(START_TIMEOUT_MS)]);
  cluster.readyAt = new Date();

  const db = createPrismaClient(database.url, 3);
  teardown.push(() => db.$disconnect());
  cluster.db = db;
  // Both job workers running and both listening for webhook events: otherwise "once" would prove nothing.
  await expect
    .poll(() => workersRunning(db), { message: "both instances' job workers running", timeout: 30_000 })
    .toEqual({ alive: 2, webhookListeners: 2 });
  failed = false;
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) failed = true;
});

test.afterAll(async () => {
  // A CI log keeps only what is printed: the instances' last lines say why one failed.
  if (failed && cluster)
    for (const instance of [cluster.a, cluster.b])
      console.log(`\n── ${instance.name}'s last lines ──\n${instance.output().split("\n").slice(-60).join("\n")}`);
  for (const undo of teardown.reverse())
    await undo().catch((error) => console.error("multi-instance teardown:", error));
});

async function workersRunning(db: Db) {
  const [{ alive, listeners }] = await db.$queryRaw<{ alive: number; listeners: number }[]>`
    SELECT (SELECT count(*)::int FROM "WorkerHeartbeat" WHERE "beatAt" > now() - ${HEARTBEAT_FRESH_SECONDS} * interval '1 second') AS alive,
           (SELECT count(*)::int FROM pg_stat_activity
             WHERE datname = current_database() AND application_name = 'classound-webhook-wake') AS listeners`;
  return { alive, webhookListeners: listeners };
}

/** How many of the instances' start-up lines match `pattern`, in both outputs together. */
const linesOfBoth = (pattern: RegExp) =>
  [cluster.a, cluster.b].flatMap((instance) =>
    instance
      .output()
      .split("\n")
      .filter((line) => pattern.test(line)),
  );

test("two instances started together on an empty database migrate, seed and store the demo files once", async () => {
  const { db } = cluster;
  const folder = await migrationNames();
  // They met at the start-up lock: one did each step, the other waited and found it done.
  expect(linesOfBoth(/Another instance is preparing this database/)).toHaveLength(1);
  const applied = linesOfBoth(/Applied \d+ migration/);
  expect(applied).toHaveLength(1);
  expect(applied[0], "every migration of the folder").toContain(`Applied ${folder.length} migration`);
  expect(linesOfBoth(/Migrations current/)).toHaveLength(1);
  expect(linesOfBoth(/Seeded demo data/)).toHaveLength(1);
  expect(linesOfBoth(/Seed skipped/)).toHaveLength(1);
  const stored = linesOfBoth(/Stored \d+ document templates/);
  expect(stored).toHaveLength(1);
  expect(linesOfBoth(/Demo files present/)).toHaveLength(1);

  const [migrations] = await db.$queryRaw<{ rows: number; names: number; unfinished: number }[]>`
    SELECT count(*)::int AS rows, count(DISTINCT migration_name)::int AS names,
           count(*) FILTER (WHERE finished_at IS NULL)::int AS unfinished
    FROM _prisma_migrations`;
  expect(migrations, "one row per migration of the folder, each finished").toEqual({
    rows: folder.length,
    names: folder.length,
    unfinished: 0,
  });

  // The database holds what one seed makes and what the one run of the demo files reported.
  const [, templates, requests] = /Stored (\d+) document templates, (\d+) demo activation requests/
    .exec(stored[0]!)!
    .map(Number);
  expect({
    partners: await db.partner.count(),
    customers: await db.customer.count(),
    users: await db.user.count(),
    templates: await db.requiredDocument.count({ where: { templateFileId: { not: null } } }),
    activationRequests: await db.activationRequest.count(),
  }).toEqual({
    partners: Object.keys(PARTNERS).length,
    customers: Object.keys(CUSTOMERS).length,
    users: tenantRows("").users.length,
    templates,
    activationRequests: requests,
  });

  // Every stored file is in the bucket, the bucket holds nothing else, and no file is left over
  // from a second run of the demo files.
  const files = await db.storedFile.findMany({ select: { storageKey: true, driver: true } });
  expect(new Set(files.map((file) => file.driver))).toEqual(new Set(["s3"]));
  expect((await bucketKeys()).sort()).toEqual(files.map((file) => file.storageKey).sort());
  expect(await countUnreferencedStoredFiles(db), "stored files nothing refers to").toBe(0);
});

async function bucketKeys(): Promise<string[]> {
  const client = s3Client(cluster.s3.settings(cluster.bucket));
  const keys: string[] = [];
  try {
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: cluster.bucket, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((object) => object.Key!));
      token = page.NextContinuationToken;
    } while (token);
  } finally {
    client.destroy();
  }
  return keys;
}

/** A fresh partner user of a fresh tenant, with a ticket to attach files to. */
async function partnerWithTicket(db: Db) {
  const tenant = await makeE2eTenant(db);
  const user = await makeTenantUser(db, "PARTNER", tenant);
  const ticket = await makeTicket(db, { ...tenant, partnerActor: actorOf(user) });
  return { user, ticket };
}

/** The session cookie of `from`, in a new context of `browser` that talks to `baseURL` directly. */
async function contextWithSessionOf(browser: Browser, from: BrowserContext, baseURL: string) {
  const session = (await from.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session, "a session cookie after signing in").toBeDefined();
  const { name, value, expires, httpOnly, sameSite } = session!;
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name, value, expires, httpOnly, sameSite, url: baseURL }]);
  return context;
}

/** A PDF of about `size` bytes, random past its header: above S3's 5 MB part, so it goes up in parts. */
function largePdf(size: number) {
  const filler = Buffer.from(`% ${randomBytes(size / 2).toString("hex")}\n`);
  return Buffer.concat([Buffer.from(sampleFiles.pdf("multi-instance")), filler]);
}

/**
 * Sends a request through the balancer until each instance has answered it, checking every answer.
 * Alternation alone would do in two; a request of the context's own (a page's prefetch) coming
 * between would send both to one instance, hence a few more tries.
 */
async function fromBoth(send: () => Promise<APIResponse>, check: (answer: APIResponse, by: string) => Promise<void>) {
  const servedBy = new Set<string>();
  for (let attempt = 0; attempt < 4 && servedBy.size < 2; attempt++) {
    const answer = await send();
    const by = answer.headers()[SERVED_BY_HEADER] === "0" ? "instance A" : "instance B";
    await check(answer, by);
    servedBy.add(by);
  }
  expect(servedBy, "the instances that answered").toEqual(new Set(["instance A", "instance B"]));
}

let signedIn: { balanced: BrowserContext; onA: BrowserContext; onB: BrowserContext; fileId: string };

test("signed in through the balancer, a partner uploads on one instance and downloads the same bytes from the other", async ({
  browser,
}) => {
  const { db, proxy, a, b } = cluster;
  const { user, ticket } = await partnerWithTicket(db);

  // The sign-in's own requests (its page, CSRF token, credentials, the home page) alternate instances.
  const balanced = await browser.newContext({ baseURL: proxy.url });
  const page = await balanced.newPage();
  const servedBefore = [...proxy.served];
  await signIn(page, user.email, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/partner$/);
  expect(proxy.served[0]! - servedBefore[0]!, "requests of the sign-in served by A").toBeGreaterThan(0);
  expect(proxy.served[1]! - servedBefore[1]!, "requests of the sign-in served by B").toBeGreaterThan(0);

  const onA = await contextWithSessionOf(browser, balanced, a.url);
  const onB = await contextWithSessionOf(browser, balanced, b.url);
  const bytes = largePdf(6 * 1024 * 1024);
  const upload = await onA.request.post(`/api/tickets/${ticket.id}/attachments`, {
    headers: { Origin: a.url },
    multipart: { file: { name: "contract.pdf", mimeType: "application/pdf", buffer: bytes } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const { fileId } = (await upload.json()).data as { fileId: string };

  const stored = await db.storedFile.findUniqueOrThrow({ where: { id: fileId } });
  expect(stored).toMatchObject({ driver: "s3", sizeBytes: bytes.length, sha256: sha256(bytes) });
  expect(await bucketKeys()).toContain(stored.storageKey);
  for (const dir of cluster.dataDirs)
    expect(existsSync(path.join(dir, "uploads")), `local uploads in ${dir}`).toBe(false);

  const download = await onB.request.get(`/api/files/${fileId}`);
  expect(download.status()).toBe(200);
  expect(sha256(await download.body()), "the bytes B serves are the ones uploaded to A").toBe(sha256(bytes));

  // Through the balancer: the ticket page, and the file from each instance in turn.
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByText("Attached contract.pdf.")).toBeVisible();
  await page.close();
  await fromBoth(
    () => balanced.request.get(`/api/files/${fileId}`),
    async (again, by) => {
      expect(again.status(), `download from ${by}`).toBe(200);
      expect(sha256(await again.body()), `download from ${by}`).toBe(sha256(bytes));
    },
  );
  signedIn = { balanced, onA, onB, fileId };
});

test("signed out on one instance, the session is refused on the other and through the balancer", async () => {
  const { balanced, onA, onB, fileId } = signedIn;
  const page = await onA.newPage();
  await page.goto("/partner");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // B and the balanced context still hold the cookie A's sign-out cleared: it opens nothing.
  const stolen = await onB.newPage();
  await stolen.goto("/partner");
  await expect(stolen).toHaveURL(/\/sign-in/);
  expect((await onB.request.get(`/api/files/${fileId}`)).status()).toBe(401);
  await fromBoth(
    () => balanced.request.get("/api/auth/session"),
    async (session, by) => expect((await session.json())?.user ?? null, `the session on ${by}`).toBeNull(),
  );
  await fromBoth(
    () => balanced.request.get(`/api/files/${fileId}`),
    async (refused, by) => expect(refused.status(), `the file from ${by}`).toBe(401),
  );
  await Promise.all([balanced.close(), onA.close(), onB.close()]);
});

test("an order's idempotency key replayed to the other instance answers the first order; its webhook and mail go out once", async () => {
  const { db, proxy, a, b, receiver, smtp } = cluster;
  const tenant = await makeE2eTenant(db);
  const areaName = `Multi ${randomBytes(3).toString("hex")}`;
  const { pbx } = await makeOrderablePbx(db, tenant, { size: 100, areaName });
  const key = await makePartnerApiKey(db, tenant.partner, ["numbers:write", "webhooks:write"]);
  const call = (base: string, route: string, body: object, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/v1${route}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  const endpoint = await call(proxy.url, "/webhook-endpoints", {
    url: receiver.url("/orders"),
    events: ["number_order.completed"],
    description: "Two instances",
  });
  expect(endpoint.status, await endpoint.clone().text()).toBe(201);
  const { id: endpointId } = (await endpoint.json()) as { id: string };

  const order = { pbxId: pbx.id, countryCode: "DE", type: "GEOGRAPHIC", blockSize: 10, blockCount: 1, areaName };
  const place = async (base: string, idempotencyKey: string) => {
    const answer = await call(base, "/numbers/orders", order, { "Idempotency-Key": idempotencyKey });
    return { status: answer.status, replayed: answer.headers.get("idempotent-replayed"), body: await answer.text() };
  };

  // One after the other: B answers what A did.
  const first = randomUUID();
  const onA = await place(a.url, first);
  expect(onA.status, onA.body).toBe(201);
  expect(onA.replayed).toBeNull();
  expect(await place(b.url, first)).toEqual({ ...onA, replayed: "true" });

  // At the same moment: one orders, the other replays it or is told the first is still running (409).
  const second = randomUUID();
  const both = await Promise.all([place(a.url, second), place(b.url, second)]);
  const placed = both.filter((answer) => answer.status === 201 && answer.replayed === null);
  expect(placed, JSON.stringify(both)).toHaveLength(1);
  const other = both.find((answer) => answer !== placed[0])!;
  expect([201, 409], other.body).toContain(other.status);
  expect(await place(b.url, second)).toEqual({ ...placed[0], replayed: "true" });

  expect(await db.numberOrder.count({ where: { pbxId: pbx.id } }), "orders on the PBX").toBe(2);
  expect(await db.phoneNumber.count({ where: { pbxId: pbx.id } }), "numbers on the PBX").toBe(20);

  // Each order's event woke both instances' dispatchers (PostgreSQL notifies every listener):
  // one delivery each, sent once, its one claim counted once.
  await expect
    .poll(
      async () =>
        (await db.webhookDelivery.findMany({ where: { endpointId }, select: { status: true, attempts: true } })).map(
          (delivery) => `${delivery.status} after ${delivery.attempts} attempt(s)`,
        ),
      { message: "the two orders' webhook deliveries", timeout: 30_000 },
    )
    .toEqual(["SUCCEEDED after 1 attempt(s)", "SUCCEEDED after 1 attempt(s)"]);
  const posts = receiver.at("/orders");
  const events = await db.webhookDelivery.findMany({ where: { endpointId }, select: { eventId: true } });
  expect(posts.map((post) => post.headers["classound-event-id"]).sort()).toEqual(events.map((e) => e.eventId).sort());

  // The ticket attachment of the upload test wrote its notices after the start-up: each mailed once,
  // whichever worker took the send jobs.
  const mails = await db.outboxEmail.findMany({
    where: { createdAt: { gt: cluster.readyAt } },
    select: { messageId: true },
  });
  expect(mails.length, "mail written by the upload test").toBeGreaterThan(0);
  await expect
    .poll(
      async () =>
        (
          await db.outboxEmail.findMany({
            where: { createdAt: { gt: cluster.readyAt } },
            select: { status: true, attempts: true },
          })
        ).filter((mail) => mail.status !== "SENT" || mail.attempts !== 1),
      { message: "mail not yet sent, or sent after more than one attempt", timeout: 30_000 },
    )
    .toEqual([]);
  for (const { messageId } of mails)
    expect(
      smtp.received.filter((mail) => mail.header("Message-ID")?.includes(messageId)),
      `copies of ${messageId} received`,
    ).toHaveLength(1);
});

test("on SIGTERM both instances drain, stop their workers and exit 0", async () => {
  const { db, a, b } = cluster;
  const codes = await Promise.all([a.stop(SHUTDOWN_SECONDS * 1000 + 15_000), b.stop(SHUTDOWN_SECONDS * 1000 + 15_000)]);
  expect(codes, "exit codes of A and B").toEqual([0, 0]);
  // A worker stopped on purpose removes its heartbeat; a listener's connection closes with it.
  expect(await workersRunning(db)).toEqual({ alive: 0, webhookListeners: 0 });
  expect(await db.workerHeartbeat.count()).toBe(0);
});
