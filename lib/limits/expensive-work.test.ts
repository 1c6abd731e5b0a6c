import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { RateLimitedError } from "@/lib/errors";
import { failureOf, jsonResult } from "@/lib/http/action-result";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import {
  countedWhileStreaming,
  finishExpensiveWork,
  startExpensiveWork,
  startExpensiveWorkIn,
  withExpensiveWork,
} from "./expensive-work";
import { waitInWords } from "./wait-in-words";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(RateLimitedError);
      return error as RateLimitedError;
    },
  );
const clear = () => prisma.expensiveWorkStart.deleteMany();

describe("limits of expensive work per user", () => {
  it("lets only the limit through when one user starts many at once from several instances", async () => {
    await clear();
    const limits = { queuedPerUser: 3, startsPerMinute: 100 };
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => startExpensiveWork(prisma, a.endUserActor, "EXPORT", limits)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refused).toHaveLength(9);
    for (const { reason } of refused) expect(reason).toBeInstanceOf(RateLimitedError);
    // Another user, and the same user's other kind of work, have their own counts.
    await startExpensiveWork(prisma, b.endUserActor, "EXPORT", limits);
    await startExpensiveWork(prisma, a.endUserActor, "IMPORT", limits);
  });

  it("counts starts per minute, finished or not, and says how long to wait in words and in Retry-After", async () => {
    await clear();
    const limits = { queuedPerUser: 100, startsPerMinute: 4 };
    for (let i = 0; i < 4; i++)
      await finishExpensiveWork(prisma, await startExpensiveWork(prisma, admin, "EXPORT", limits));
    const refusal = await refusalOf(startExpensiveWork(prisma, admin, "EXPORT", limits));
    expect(refusal.retryAfterSeconds).toBeGreaterThan(50);
    expect(refusal.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(refusal.message).toBe(`You started 4 exports in the last minute. Try again in about 1 minute.`);
    const response = jsonResult(failureOf(refusal));
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe(String(refusal.retryAfterSeconds));
    // The oldest start leaves the window: one more fits, and the wait is what is left of the next one's minute.
    await prisma.$executeRaw`UPDATE "ExpensiveWorkStart" SET "startedAt" = now() - interval '61 seconds'
      WHERE "id" = (SELECT "id" FROM "ExpensiveWorkStart" ORDER BY "startedAt" LIMIT 1)`;
    await startExpensiveWork(prisma, admin, "EXPORT", limits);
    await prisma.$executeRaw`UPDATE "ExpensiveWorkStart" SET "startedAt" = now() - interval '50 seconds'
      WHERE "id" = (SELECT "id" FROM "ExpensiveWorkStart" WHERE "startedAt" > now() - interval '1 minute' ORDER BY "startedAt" LIMIT 1)`;
    const next = await refusalOf(startExpensiveWork(prisma, admin, "EXPORT", limits));
    expect(next.retryAfterSeconds).toBeGreaterThanOrEqual(9);
    expect(next.retryAfterSeconds).toBeLessThanOrEqual(11);
  });

  it("frees a place when the work finishes, and stops counting a start whose job was lost", async () => {
    await clear();
    const limits = { queuedPerUser: 1, startsPerMinute: 100 };
    const first = await startExpensiveWork(prisma, a.partnerActor, "RANKING", limits);
    const refusal = await refusalOf(startExpensiveWork(prisma, a.partnerActor, "RANKING", limits));
    expect(refusal.message).toMatch(/^You already have 1 ranking waiting or running\. Try again in about 10 seconds/);
    await finishExpensiveWork(prisma, first);
    await startExpensiveWork(prisma, a.partnerActor, "RANKING", limits);
    await prisma.$executeRaw`UPDATE "ExpensiveWorkStart" SET "expiresAt" = now() - interval '1 second'`;
    await startExpensiveWork(prisma, a.partnerActor, "RANKING", limits);
  });

  it("leaves nothing counted when the transaction that creates the work rolls back", async () => {
    await clear();
    await expect(
      prisma.$transaction(async (tx) => {
        await startExpensiveWorkIn(tx, a.endUserActor, "RANKING", "request-1");
        throw new Error("the request's insert failed");
      }),
    ).rejects.toThrow("the request's insert failed");
    expect(await prisma.expensiveWorkStart.count()).toBe(0);
  });

  it("finishes an in-request import when it fails, and a streamed export when the client goes away", async () => {
    await clear();
    const actor: Actor = a.partnerActor;
    await expect(
      withExpensiveWork(prisma, actor, "IMPORT", async () => Promise.reject(new Error("bad file"))),
    ).rejects.toThrow("bad file");
    async function* rows() {
      for (let i = 0; ; i++) yield `row ${i}\n`;
    }
    const startId = await startExpensiveWork(prisma, actor, "EXPORT");
    const stream = countedWhileStreaming(prisma, startId, rows());
    expect((await stream.next()).value).toBe("row 0\n");
    expect(await prisma.expensiveWorkStart.count({ where: { finishedAt: null } })).toBe(1);
    await stream.return(undefined);
    expect(await prisma.expensiveWorkStart.count({ where: { finishedAt: null } })).toBe(0);
  });
});

describe("waitInWords", () => {
  it("rounds up to whole seconds below a minute and to whole minutes above", () => {
    expect([0.2, 1, 40, 59.5, 60, 61, 150].map(waitInWords)).toEqual([
      "in about 1 second",
      "in about 1 second",
      "in about 40 seconds",
      "in about 1 minute",
      "in about 1 minute",
      "in about 2 minutes",
      "in about 3 minutes",
    ]);
  });
});
