import { describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";
import { TEST_PASSWORD, makePartner, makeUser } from "@/lib/testing/fixtures";
import { authenticate, type AuthenticateDeps } from "./authenticate";
import { verifyPassword } from "./password";
import {
  ACCOUNT_SLOWDOWN_AFTER_FAILURES,
  ACCOUNT_SLOWDOWN_MS,
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  MAX_FAILURES_PER_ADDRESS,
} from "./sign-in-throttle";

const { prisma } = await createTestDatabase();

/** The real verifier, counted; no real waiting. */
function spyDeps(verify: AuthenticateDeps["verifyPassword"] = verifyPassword) {
  return { verifyPassword: vi.fn(verify), sleep: vi.fn<(ms: number) => Promise<void>>(async () => {}) };
}
const alwaysWrong = async () => false;

describe("authenticate", () => {
  it("signs in with the right password and records it", async () => {
    const partner = await makePartner(prisma);
    const user = await makeUser(prisma, "PARTNER", { partnerId: partner.id });
    const result = await authenticate(prisma, { email: user.email.toUpperCase(), password: TEST_PASSWORD }, "10.0.0.1");
    expect(result).toEqual({
      ok: true,
      actor: expect.objectContaining({ userId: user.id, role: "PARTNER", partnerId: partner.id }),
      secondFactor: false,
    });
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
    expect(results).toEqual([
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
    ]);
    expect(await prisma.auditLog.count({ where: { action: "auth.sign_in_failed", ip: "10.0.0.2" } })).toBe(3);
  });

  it("locks an account for the address that failed, not for its owner elsewhere", async () => {
    const user = await makeUser(prisma, "ADMIN");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      await authenticate(prisma, { email: user.email, password: "wrong" }, "10.1.0.1", spyDeps(alwaysWrong));
    }
    expect(await authenticate(prisma, { email: user.email, password: TEST_PASSWORD }, "10.1.0.1")).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect((await authenticate(prisma, { email: user.email, password: TEST_PASSWORD }, "10.1.1.1")).ok).toBe(true);
  });

  it("does not count throttled attempts, so they never renew the lock", async () => {
    const user = await makeUser(prisma, "ADMIN");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS + 3; i++) {
      await authenticate(prisma, { email: user.email, password: "wrong" }, "10.2.0.1", spyDeps(alwaysWrong));
    }
    expect(await prisma.signInAttempt.count({ where: { email: user.email, ip: "10.2.0.1" } })).toBe(
      MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
    );
    expect(await prisma.auditLog.count({ where: { action: "auth.sign_in_throttled", ip: "10.2.0.1" } })).toBe(3);
  });

  it("runs a password hash on a throttled attempt, as on a normal failure", async () => {
    const user = await makeUser(prisma, "ADMIN");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      await authenticate(prisma, { email: user.email, password: "wrong" }, "10.3.0.1", spyDeps(alwaysWrong));
    }
    const failure = spyDeps();
    expect(await authenticate(prisma, { email: user.email, password: "wrong" }, "10.3.0.2", failure)).toEqual({
      ok: false,
      reason: "invalid",
    });
    const throttled = spyDeps();
    expect(await authenticate(prisma, { email: user.email, password: TEST_PASSWORD }, "10.3.0.1", throttled)).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect(failure.verifyPassword).toHaveBeenCalledTimes(1);
    expect(throttled.verifyPassword).toHaveBeenCalledTimes(1);
    // Never against the account's own hash: a throttled attempt must not test the password.
    expect(throttled.verifyPassword.mock.calls[0]![0]).not.toBe(user.passwordHash);
  });

  it("throttles an address that tries many accounts", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await authenticate(prisma, { email: `probe${i}@example.test`, password: "x" }, "10.9.9.9", spyDeps(alwaysWrong));
    }
    const user = await makeUser(prisma, "ADMIN");
    expect(await authenticate(prisma, { email: user.email, password: TEST_PASSWORD }, "10.9.9.9")).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect((await authenticate(prisma, { email: user.email, password: TEST_PASSWORD }, "10.9.9.10")).ok).toBe(true);
  });

  it("only slows down an account that failed from many addresses, never refuses it", async () => {
    const user = await makeUser(prisma, "ADMIN");
    for (let i = 0; i < ACCOUNT_SLOWDOWN_AFTER_FAILURES; i++) {
      await authenticate(prisma, { email: user.email, password: "wrong" }, `10.4.0.${i}`, spyDeps(alwaysWrong));
    }
    const deps = spyDeps();
    expect((await authenticate(prisma, { email: user.email, password: TEST_PASSWORD }, "10.4.1.1", deps)).ok).toBe(
      true,
    );
    expect(deps.sleep).toHaveBeenCalledWith(ACCOUNT_SLOWDOWN_MS);

    const other = await makeUser(prisma, "ADMIN");
    const undelayed = spyDeps();
    expect(
      (await authenticate(prisma, { email: other.email, password: TEST_PASSWORD }, "10.4.1.1", undelayed)).ok,
    ).toBe(true);
    expect(undelayed.sleep).not.toHaveBeenCalled();
  });

  it("rejects malformed input without touching the database", async () => {
    expect(await authenticate(prisma, { email: "not-an-email" }, "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
  });
});
