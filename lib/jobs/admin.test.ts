import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail } from "@/lib/mail";
import { resendOutboxEmail } from "@/lib/mail/resend";
import { mailPreferences, saveMailPreferences } from "@/lib/notifications/mail-preferences";
import { storedCall } from "@/lib/testing/calls";
import { actorOf, makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { cancelJob, jobsOverview, retryFailedJob } from "./admin";
import { createBoss, type Boss } from "./boss";
import { CDR_RATE } from "./cdr-jobs";
import { MAIL_SEND } from "./mail-jobs";
import { installQueues } from "./runner";

const { prisma, url } = await createTestDatabase();
const { a, admin } = await makeTwoTenants(prisma);
let boss: Boss;

beforeAll(async () => {
  // A sender only: nothing works the jobs, so their states stay as the test sets them.
  boss = createBoss(url);
  await boss.start();
  await installQueues(url, boss);
});
afterAll(() => boss.stop({ graceful: false }));

async function failedMailJob() {
  const id = (await boss.send(
    MAIL_SEND,
    { outboxEmailId: `c${randomUUID().replace(/-/g, "").slice(0, 24)}` },
    { singletonKey: randomUUID(), retryLimit: 0 },
  ))!;
  await boss.fail(MAIL_SEND, id, new Error("connect ECONNREFUSED 127.0.0.1:25"));
  return id;
}

describe("/admin/jobs", () => {
  it("shows each queue's counts by state and the failures with their error", async () => {
    const id = await failedMailJob();
    const overview = await jobsOverview(prisma, admin);
    if (!overview.installed) throw new Error("queue not installed");
    expect(overview.queues.find((q) => q.name === MAIL_SEND)!.counts.failed).toBeGreaterThanOrEqual(1);
    expect(overview.queues.find((q) => q.name === "mail-sweep")!.schedule).toBe("0 * * * *");
    expect(overview.jobs.find((j) => j.id === id)).toMatchObject({
      state: "failed",
      error: "connect ECONNREFUSED 127.0.0.1:25",
    });
  });

  it("says how long the oldest call batch has waited, and how many calls wait for their rating", async () => {
    const backlog = async () => {
      const overview = await jobsOverview(prisma, admin);
      if (!overview.installed) throw new Error("queue not installed");
      return overview.backlog;
    };
    expect(await backlog()).toEqual({ batches: 0, oldestSince: null, callsWaiting: 0 });
    await prisma.callRecord.create({
      data: storedCall(a, { externalId: "waiting", startedAt: new Date("2026-10-05T09:00:00Z") }),
    });
    const before = Date.now();
    await boss.send(CDR_RATE, { months: ["2026-10-01"] }, { singletonKey: "2026-10" });
    const waiting = await backlog();
    expect(waiting).toMatchObject({ batches: 1, callsWaiting: 1 });
    expect(Math.abs(waiting.oldestSince!.getTime() - before)).toBeLessThan(5_000);
  });

  it("lets an admin retry a failed job and cancel a waiting one, and records both", async () => {
    const id = await failedMailJob();
    await retryFailedJob(prisma, admin, { queue: MAIL_SEND, jobId: id }, boss);
    expect((await boss.getJobById(MAIL_SEND, id))!.state).toBe("retry");
    await expect(retryFailedJob(prisma, admin, { queue: MAIL_SEND, jobId: id }, boss)).rejects.toMatchObject({
      code: "INVALID",
    });
    await cancelJob(prisma, admin, { queue: MAIL_SEND, jobId: id }, boss);
    expect((await boss.getJobById(MAIL_SEND, id))!.state).toBe("cancelled");
    expect(
      await prisma.auditLog.count({ where: { entityId: id, action: { in: ["job.retried", "job.cancelled"] } } }),
    ).toBe(2);
  });

  it("refuses partners and end users, and answers NOT_FOUND for an unknown job or queue", async () => {
    const id = await failedMailJob();
    for (const actor of [a.partnerActor, a.endUserActor]) {
      await expect(jobsOverview(prisma, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(retryFailedJob(prisma, actor, { queue: MAIL_SEND, jobId: id }, boss)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(cancelJob(prisma, actor, { queue: MAIL_SEND, jobId: id }, boss)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(retryFailedJob(prisma, admin, { queue: MAIL_SEND, jobId: randomUUID() }, boss)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(retryFailedJob(prisma, admin, { queue: "no-such-queue", jobId: id }, boss)).rejects.toMatchObject({
      code: "INVALID",
    });
    expect((await boss.getJobById(MAIL_SEND, id))!.state).toBe("failed");
  });
});

describe("resending a failed mail", () => {
  async function mailWith(status: "FAILED" | "SENT") {
    const subject = `Mail ${randomUUID()}`;
    await queueMail(prisma, [{ to: "x@example.test", subject, body: "Hi." }]);
    return prisma.outboxEmail.update({
      where: { messageId: (await prisma.outboxEmail.findFirstOrThrow({ where: { subject } })).messageId },
      data: { status, attempts: 8, error: "550" },
    });
  }

  it("puts a failed mail back in line with fresh attempts and the same Message-ID", async () => {
    const mail = await mailWith("FAILED");
    await resendOutboxEmail(prisma, admin, mail.id);
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({
      status: "PENDING",
      attempts: 0,
      messageId: mail.messageId,
    });
  });

  it("refuses a mail that did not fail, an unknown one, and anyone but an admin", async () => {
    const sent = await mailWith("SENT");
    await expect(resendOutboxEmail(prisma, admin, sent.id)).rejects.toMatchObject({ code: "INVALID" });
    await expect(resendOutboxEmail(prisma, admin, "cnosuchmail000000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const failed = await mailWith("FAILED");
    await expect(resendOutboxEmail(prisma, a.partnerActor, failed.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await prisma.outboxEmail.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");
  });
});

describe("mail settings", () => {
  it("changes only the actor's own choices, among the events of their role", async () => {
    const colleague = actorOf(await makeUser(prisma, "PARTNER", { partnerId: a.partner.id }));
    await saveMailPreferences(prisma, a.partnerActor, { enabled: [] });
    expect((await mailPreferences(prisma, a.partnerActor)).map((p) => [p.key, p.enabled])).toEqual([
      ["activation", false],
      ["tickets", false],
      ["usage.included", false],
      ["porting", false],
      ["pricelists", false],
      ["compliance.expiring", false],
      ["agreement", false],
      ["service.ending", false],
      ["webhooks", false],
    ]);
    expect((await mailPreferences(prisma, colleague)).every((p) => p.enabled)).toBe(true);
    await saveMailPreferences(prisma, a.partnerActor, { enabled: ["compliance.expiring"] });
    expect((await mailPreferences(prisma, a.partnerActor)).map((p) => p.enabled)).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
    expect((await mailPreferences(prisma, admin)).map((p) => p.key)).toEqual(["activation", "tickets", "porting"]);
    expect((await mailPreferences(prisma, a.endUserActor)).map((p) => [p.key, p.enabled])).toEqual([
      ["usage.included", true],
      ["service", true],
    ]);
    await expect(saveMailPreferences(prisma, a.partnerActor, { enabled: ["everything"] })).rejects.toMatchObject({
      code: "INVALID",
    });
  });
});
