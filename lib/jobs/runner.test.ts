import { afterAll, describe, expect, it, vi } from "vitest";
import { queueMail } from "@/lib/mail";
import { smtpSender } from "@/lib/mail/transport";
import { startSmtpServer } from "@/lib/testing/smtp";
import { createTestDatabase } from "@/lib/testing/test-database";
import { complianceExpiryJob } from "./compliance-expiry";
import { CDR_RATE } from "./cdr-jobs";
import { defineJob, type JobContext } from "./definition";
import { requestCdrRating, shareJobSender } from "./enqueue";
import { MAIL_SEND, MAIL_SWEEP, mailSendJob, mailSweepJob } from "./mail-jobs";
import { PRICE_LIST_NOTICES } from "./price-list-notices";
import { JOBS } from "./registry";
import { startJobRunner } from "./runner";

const { prisma, url } = await createTestDatabase();
const smtp = await startSmtpServer();
const sendMail = smtpSender({ SMTP_URL: smtp.url(), MAIL_FROM: "portal <no-reply@classound.example>" });
afterAll(() => smtp.stop());

const handled: string[] = [];
const countingJob = defineJob({
  name: "test-count",
  queue: { policy: "standard", retryLimit: 0 },
  parse: (data) => data as { n: number },
  async run(_context, { n }) {
    handled.push(String(n));
    await new Promise((resolve) => setTimeout(resolve, 20));
  },
});

async function twoRunners() {
  const options = {
    connectionString: url,
    db: prisma,
    sendMail,
    jobs: [...JOBS, countingJob],
    pollingIntervalSeconds: 0.5,
  };
  return Promise.all([startJobRunner(options), startJobRunner(options)]);
}

describe("the job runner", () => {
  it("runs each job once when two app instances share the database, and sends each pending mail once", async () => {
    const runners = await twoRunners();
    try {
      for (let n = 0; n < 30; n++) await runners[n % 2].boss.send("test-count", { n });
      await queueMail(
        prisma,
        Array.from({ length: 12 }, (_, i) => ({ to: `r${i}@example.test`, subject: `Race ${i}`, body: "Hello." })),
      );
      // Both instances ask for delivery at once, as two actions 0.3 s apart would.
      await Promise.all(runners.map((r) => r.boss.send(MAIL_SWEEP, {})));

      const mails = await smtp.waitFor(12);
      await vi.waitFor(() => expect(handled).toHaveLength(30), { timeout: 20_000 });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(new Set(handled).size).toBe(30);
      expect(handled).toHaveLength(30);
      const ids = mails.map((m) => m.header("Message-ID"));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(12);
      expect(await prisma.outboxEmail.count({ where: { status: { not: "SENT" } } })).toBe(0);
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }
  }, 60_000);

  it("runs queued jobs back to back and a job's follow-up at once, not one per polling interval", async () => {
    const started: { name: string; at: number }[] = [];
    const ended: number[] = [];
    const step = (name: string, next?: string) =>
      defineJob({
        name,
        queue: { policy: "standard", retryLimit: 0 },
        parse: (data) => data as object,
        async run(context) {
          started.push({ name, at: Date.now() });
          if (next) await context.enqueue(next, {});
          ended.push(Date.now());
        },
      });
    // A long interval: before, each job after the first waited out about 2 s of it.
    const runner = await startJobRunner({
      connectionString: url,
      db: prisma,
      sendMail,
      jobs: [step("test-queued"), step("test-first", "test-follow-up"), step("test-follow-up")],
      pollingIntervalSeconds: 2,
    });
    try {
      for (let n = 0; n < 5; n++) await runner.boss.send("test-queued", { n });
      await vi.waitFor(() => expect(started.filter((s) => s.name === "test-queued")).toHaveLength(5), {
        timeout: 20_000,
      });
      const queued = started.filter((s) => s.name === "test-queued").map((s) => s.at);
      const gaps = queued.slice(1).map((at, i) => at - queued[i]);
      expect(Math.max(...gaps)).toBeLessThan(1000);

      await runner.boss.send("test-first", {});
      await vi.waitFor(() => expect(started.some((s) => s.name === "test-follow-up")).toBe(true), { timeout: 20_000 });
      const firstEnded = ended[started.findIndex((s) => s.name === "test-first")];
      expect(started.find((s) => s.name === "test-follow-up")!.at - firstEnded).toBeLessThan(1000);
    } finally {
      await runner.stop();
    }
  }, 40_000);

  it("starts a rating the app asks for at once, not at the worker's next poll", async () => {
    const started: number[] = [];
    const rating = defineJob({
      name: CDR_RATE,
      queue: { policy: "short", retryLimit: 0 },
      parse: (data) => data as object,
      async run() {
        started.push(Date.now());
      },
    });
    // A poll every 30 s: only the wake-up can start the job within the test's second.
    const runner = await startJobRunner({
      connectionString: url,
      db: prisma,
      sendMail,
      jobs: [rating],
      pollingIntervalSeconds: 30,
    });
    shareJobSender(runner.boss);
    try {
      // The worker's first fetch, at start, found nothing: it now sleeps until its next poll.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const asked = Date.now();
      await requestCdrRating(["2026-10-01"]);
      await vi.waitFor(() => expect(started).toHaveLength(1), { timeout: 5_000 });
      expect(started[0] - asked).toBeLessThan(1000);
    } finally {
      await runner.stop();
    }
  }, 20_000);

  it("retries a failing job with backoff and then keeps it as failed", async () => {
    const [runner] = await Promise.all([
      startJobRunner({
        connectionString: url,
        db: prisma,
        sendMail,
        jobs: [
          defineJob({
            name: "test-fail",
            queue: { retryLimit: 1, retryDelay: 1, retryBackoff: true },
            parse: () => ({}),
            run: async () => Promise.reject(new Error("boom")),
          }),
        ],
        pollingIntervalSeconds: 0.5,
      }),
    ]);
    try {
      const id = (await runner.boss.send("test-fail", {}))!;
      await vi.waitFor(async () => expect((await runner.boss.getJobById("test-fail", id))?.state).toBe("failed"), {
        timeout: 20_000,
        interval: 250,
      });
      const job = await runner.boss.getJobById("test-fail", id);
      expect(job?.retryCount).toBe(1);
      expect(JSON.stringify(job?.output)).toContain("boom");
    } finally {
      await runner.stop();
    }
  }, 40_000);
});

describe("every job handler is idempotent", () => {
  it("has the same effect when run twice on the same input", async () => {
    await queueMail(prisma, [{ to: "twice@example.test", subject: "Twice", body: "Once only." }]);
    const row = await prisma.outboxEmail.findFirstOrThrow({ where: { subject: "Twice" } });
    const enqueued: string[] = [];
    const context: JobContext = {
      db: prisma,
      sendMail,
      now: () => new Date(),
      enqueue: async (name, _data, key) => void enqueued.push(`${name}:${key}`),
    };
    // Each job's own idempotency test: here the mail jobs, in compliance-expiry.test.ts and
    // lib/pricing/import/publish.test.ts the notices,
    // in lib/cdr/import/uploads.test.ts the CDR import, rating, roll-up, rankings and partition jobs,
    // in lib/cdr/retention.test.ts the retention job, in
    // lib/cdr/statistics/figures.test.ts the seven-day ranking, in lib/cdr/statistics/top-numbers.test.ts
    // the range ranking, in
    // lib/numbers/numbers.test.ts the hold sweep and the end of quarantine, in lib/cdr/alerts the usage alerts.
    // In lib/cdr/rating/unrated.test.ts the re-rating of a partner-month and the re-rating after a publish;
    // in lib/partners/tier-change.test.ts the tier moves, in lib/pbx/term-ends.test.ts the ends of terms,
    // in lib/billing/invoice-jobs.test.ts the invoice run, its batches and its hourly fan-out, in
    // lib/billing/payments.test.ts the overdue invoices; in lib/webhooks/webhooks.test.ts the webhook dispatch.
    const inputs: Record<string, object> = {
      [MAIL_SEND]: { outboxEmailId: row.id },
      [MAIL_SWEEP]: {},
      [complianceExpiryJob.name]: {},
      "cdr-import": {},
      "cdr-rate": {},
      "cdr-rerate": {},
      "cdr-rerate-published": {},
      "cdr-rollups": {},
      "cdr-rankings": {},
      "cdr-day-rankings": {},
      "cdr-partitions": {},
      "cdr-retention": {},
      "cdr-seven-day-ranking": {},
      "cdr-range-ranking": {},
      "numbers-hold-sweep": {},
      "numbers-quarantine-end": {},
      [PRICE_LIST_NOTICES]: {},
      "usage-alerts": {},
      "partner-tiers": {},
      "service-term-ends": {},
      "invoice-run": {},
      "invoice-run-due": {},
      "invoice-run-batch": {},
      "invoice-overdue": {},
      "webhook-dispatch": {},
    };
    expect(JOBS.map((job) => job.name).sort()).toEqual(Object.keys(inputs).sort());

    await mailSweepJob.run(context, {});
    await mailSweepJob.run(context, {});
    // The queue keeps one waiting send job per key, so two identical requests are one job.
    expect(new Set(enqueued)).toEqual(new Set([`${MAIL_SEND}:${row.id}`]));

    const before = smtp.received.length;
    await mailSendJob.run(context, mailSendJob.parse(inputs[MAIL_SEND]));
    await mailSendJob.run(context, mailSendJob.parse(inputs[MAIL_SEND]));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.slice(before)).toHaveLength(1);
  });
});
