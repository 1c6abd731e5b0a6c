import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { AppError } from "@/lib/errors";
import { createTestDatabase } from "@/lib/testing/test-database";
import { ADMIN_CREATE_SENDER, unsafeCreateAdmin } from "./first-admin";
import { unsafeSetPasswordWithToken } from "./password-links";

const { prisma } = await createTestDatabase();
const NOW = new Date("2026-12-07T10:00:00Z");

describe("unsafeCreateAdmin (npm run admin:create)", () => {
  it("makes an admin without a password, whose one-time link (mailed too) sets one", async () => {
    const { user, link } = await unsafeCreateAdmin(prisma, { email: " Ops@Example.COM ", name: "Olga Ops" }, NOW);
    expect(user).toMatchObject({ email: "ops@example.com", role: "ADMIN", partnerId: null, customerId: null });
    const mail = await prisma.outboxEmail.findFirstOrThrow({ where: { to: "ops@example.com" } });
    expect(mail.subject).toBe("Choose your password");
    expect(mail.text).toContain(ADMIN_CREATE_SENDER);

    // No password works before the link is used.
    expect((await authenticate(prisma, { email: "ops@example.com", password: "!unset" }, "203.0.113.9")).ok).toBe(
      false,
    );
    const token = link.split("/set-password/")[1];
    await unsafeSetPasswordWithToken(prisma, token, {
      password: "correct horse battery staple",
      confirmPassword: "correct horse battery staple",
    });
    const signedIn = await authenticate(
      prisma,
      { email: "ops@example.com", password: "correct horse battery staple" },
      "203.0.113.9",
    );
    expect(signedIn.ok).toBe(true);
  });

  it("refuses a taken e-mail and a malformed one, storing nothing", async () => {
    await unsafeCreateAdmin(prisma, { email: "taken@example.com", name: "First" }, NOW);
    const before = await prisma.user.count();
    await expect(unsafeCreateAdmin(prisma, { email: "taken@example.com", name: "Second" }, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const malformed = await unsafeCreateAdmin(prisma, { email: "not-an-address", name: "X" }, NOW).catch((e) => e);
    expect(malformed).toBeInstanceOf(AppError);
    expect(Object.keys(malformed.fieldErrors)).toEqual(expect.arrayContaining(["email", "name"]));
    expect(await prisma.user.count()).toBe(before);
  });
});
