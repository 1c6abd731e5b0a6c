import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";
import { TEST_PASSWORD, makePartner, makeUser } from "@/lib/testing/fixtures";
import { authenticate } from "./authenticate";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "./sign-in-throttle";

const { prisma } = await createTestDatabase();

describe("authenticate", () => {
  it("signs in with the right password and records it", async () => {
    const partner = await makePartner(prisma);
    const user = await makeUser(prisma, "PARTNER", { partnerId: partner.id });
    const result = await authenticate(prisma, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, "10.0.0.1");
    expect(result).toEqual({ ok: true, actor: expect.objectContaining({ userId: user.id, role: "PARTNER", partnerId: partner.id }) });
    expect(await prisma.auditLog.count({ where: { actorId: user.id, action: "auth.sign_in" } })).toBe(1);
  });

  it("refuses a wrong password, an unknown account and a disabled account alike", async () => {
    const user = await makeUser(prisma, "ADMIN");
    const disabled = await makeUser(prisma, "ADMIN", {}, { disabledAt: new Date() });
    const results = await Promise.all([
      authenticate(prisma, { email: user.email, password: "wrong" }, "10.0.0.2"),
      authenticate(prisma, { email: "nobody@example.test", password: TEST_PASSWORD }, "10.0.0.2"),
      authenticate(prisma, { email: disabled.email, password: TEST_PASSWORD }, "10.0.0.2"),
    ]);
    expect(results).toEqual([{ ok: false, reason: "invalid" }, { ok: false, reason: "invalid" }, { ok: false, reason: "invalid" }]);
    expect(await prisma.auditLog.count({ where: { action: "auth.sign_in_failed", ip: "10.0.0.2" } })).toBe(3);
  });

  it("locks an account after repeated failures, even with the right password, from any IP", async () => {
    const user = await makeUser(prisma, "ADMIN");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await authenticate(prisma, { email: user.email, password: "wrong" }, `10.1.0.${i}`);
    }
    const result = await authenticate(prisma, { email: user.email, password: TEST_PASSWORD }, "10.1.1.1");
    expect(result).toEqual({ ok: false, reason: "throttled" });
  });

  it("throttles an IP that tries many accounts", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await authenticate(prisma, { email: `probe${i}@example.test`, password: "x" }, "10.9.9.9");
    }
    const user = await makeUser(prisma, "ADMIN");
    expect(await authenticate(prisma, { email: user.email, password: TEST_PASSWORD }, "10.9.9.9")).toEqual({ ok: false, reason: "throttled" });
    expect((await authenticate(prisma, { email: user.email, password: TEST_PASSWORD }, "10.9.9.10")).ok).toBe(true);
  });

  it("rejects malformed input without touching the database", async () => {
    expect(await authenticate(prisma, { email: "not-an-email" }, "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
  });
});
