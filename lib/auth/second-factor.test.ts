import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { authenticate } from "./authenticate";
import { replaceRecoveryCodes } from "./recovery-codes";
import { MAX_SECOND_FACTOR_FAILURES, SECOND_FACTOR_WINDOW_MS, verifySecondFactor } from "./second-factor";
import { newTotpSecret, totpCode } from "./totp";

const { prisma } = await createTestDatabase();
const NOW = new Date("2026-12-06T10:00:15Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

async function enrolledUser(role: "ADMIN" | "PARTNER" = "ADMIN") {
  const secret = newTotpSecret();
  const user = await makeUser(prisma, role);
  await prisma.user.update({ where: { id: user.id }, data: { totpSecret: secret, totpEnabledAt: NOW } });
  const recoveryCodes = await replaceRecoveryCodes(prisma, user.id);
  return { user, secret, recoveryCodes };
}

describe("second factor", () => {
  it("accepts the codes of the step before, the current and the next, and no further", async () => {
    const { user, secret } = await enrolledUser();
    const check = (codeAt: number) =>
      verifySecondFactor(prisma, user.id, totpCode(secret, at(codeAt)), "10.0.0.1", NOW);
    expect(await check(-60)).toBe("invalid");
    expect(await check(-30)).toBe("ok");
    expect(await check(0)).toBe("ok");
    expect(await check(30)).toBe("ok");
    expect(await check(60)).toBe("invalid");
  });

  it("refuses a code used once already, and an earlier one after it", async () => {
    const { user, secret } = await enrolledUser();
    const code = totpCode(secret, NOW);
    expect(await verifySecondFactor(prisma, user.id, code, "10.0.0.2", NOW)).toBe("ok");
    expect(await verifySecondFactor(prisma, user.id, code, "10.0.0.2", at(5))).toBe("invalid");
    expect(await verifySecondFactor(prisma, user.id, totpCode(secret, at(-30)), "10.0.0.2", at(5))).toBe("invalid");
    expect(await verifySecondFactor(prisma, user.id, totpCode(secret, at(30)), "10.0.0.2", at(30))).toBe("ok");
  });

  it("lets two racing uses of one code through once", async () => {
    const { user, secret } = await enrolledUser();
    const code = totpCode(secret, NOW);
    const results = await Promise.all([1, 2, 3].map(() => verifySecondFactor(prisma, user.id, code, "10.0.0.3", NOW)));
    expect(results.sort()).toEqual(["invalid", "invalid", "ok"]);
  });

  it("takes each recovery code once, however it is typed", async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const [first, second] = recoveryCodes;
    expect(first).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(
      await verifySecondFactor(prisma, user.id, ` ${first!.toUpperCase().replace("-", " ")} `, "10.0.0.4", NOW),
    ).toBe("ok");
    expect(await verifySecondFactor(prisma, user.id, first!, "10.0.0.4", NOW)).toBe("invalid");
    expect(await verifySecondFactor(prisma, user.id, second!, "10.0.0.4", NOW)).toBe("ok");
    const other = await enrolledUser();
    expect(await verifySecondFactor(prisma, user.id, other.recoveryCodes[0]!, "10.0.0.4", NOW)).toBe("invalid");
    expect(await prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(
      recoveryCodes.length - 2,
    );
  });

  it("refuses even the right code after too many wrong ones, without counting it, until the window passes", async () => {
    const { user, secret } = await enrolledUser();
    for (let i = 0; i < MAX_SECOND_FACTOR_FAILURES; i++)
      expect(await verifySecondFactor(prisma, user.id, "000000", "10.0.0.5", NOW)).toBe("invalid");
    expect(await verifySecondFactor(prisma, user.id, totpCode(secret, NOW), "10.0.0.6", NOW)).toBe("throttled");
    expect(await prisma.secondFactorFailure.count({ where: { userId: user.id } })).toBe(MAX_SECOND_FACTOR_FAILURES);
    const later = new Date(NOW.getTime() + SECOND_FACTOR_WINDOW_MS + 1000);
    expect(await verifySecondFactor(prisma, user.id, totpCode(secret, later), "10.0.0.5", later)).toBe("ok");
  });
});

describe("sign-in with two-factor", () => {
  it("asks for the code after the right password, refuses a wrong one, and records the second factor", async () => {
    const { user, secret } = await enrolledUser("PARTNER");
    const credentials = { email: user.email, password: TEST_PASSWORD };
    expect(await authenticate(prisma, credentials, "10.1.0.1")).toEqual({
      ok: false,
      reason: "second_factor_required",
    });
    expect(await authenticate(prisma, { ...credentials, code: "" }, "10.1.0.1")).toEqual({
      ok: false,
      reason: "second_factor_required",
    });
    expect(await authenticate(prisma, { ...credentials, code: "123456" }, "10.1.0.1")).toEqual({
      ok: false,
      reason: "second_factor_invalid",
    });
    // A wrong password says nothing about the code.
    expect(
      await authenticate(prisma, { email: user.email, password: "wrong", code: totpCode(secret) }, "10.1.0.1"),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(prisma, { ...credentials, code: totpCode(secret) }, "10.1.0.1")).toEqual({
      ok: true,
      actor: expect.objectContaining({ userId: user.id }),
      secondFactor: true,
    });
  });

  it("signs in a user without two-factor as before, with no second factor recorded", async () => {
    const user = await makeUser(prisma, "END_USER");
    expect(await authenticate(prisma, { email: user.email, password: TEST_PASSWORD }, "10.1.0.2")).toMatchObject({
      ok: true,
      secondFactor: false,
    });
  });
});
