import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { unsafeDeliverOutboxEmail } from "@/lib/mail/delivery";
import { smtpSender } from "@/lib/mail/transport";
import { makeUser } from "@/lib/testing/fixtures";
import { startSmtpServer } from "@/lib/testing/smtp";
import { createTestDatabase } from "@/lib/testing/test-database";
import {
  FORGOT_PASSWORD_ANSWER,
  FORGOT_PASSWORD_ANSWER_MS,
  MAX_RESETS_PER_ACCOUNT,
  MAX_RESETS_PER_ADDRESS,
  requestPasswordReset,
} from "./forgot-password";
import { unsafeSetPasswordWithToken } from "./password-links";

const { prisma } = await createTestDatabase();
const smtp = await startSmtpServer();
const PORTAL = "https://portal.classound.test";
// No waiting: the floor is measured in its own test.
const instant = { sleep: async () => {}, clock: () => 0 };
let nextIp = 0;
const freshIp = () => `10.7.${Math.floor(++nextIp / 250)}.${nextIp % 250}`;

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_URL", PORTAL);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smtp.stop();
});

const mailsTo = (email: string) => prisma.outboxEmail.count({ where: { to: email } });

describe("forgot password", () => {
  it("answers alike for a known, an unknown and a disabled address, and mails only the known one a working link", async () => {
    const user = await makeUser(prisma, "PARTNER");
    const disabled = await makeUser(prisma, "PARTNER", {}, { disabledAt: new Date() });
    const answers = [
      await requestPasswordReset(prisma, { email: ` ${user.email.toUpperCase()} ` }, freshIp(), instant),
      await requestPasswordReset(prisma, { email: "nobody-here@example.test" }, freshIp(), instant),
      await requestPasswordReset(prisma, { email: disabled.email }, freshIp(), instant),
    ];
    expect(answers).toEqual([FORGOT_PASSWORD_ANSWER, FORGOT_PASSWORD_ANSWER, FORGOT_PASSWORD_ANSWER]);
    expect([
      await mailsTo(user.email),
      await mailsTo("nobody-here@example.test"),
      await mailsTo(disabled.email),
    ]).toEqual([1, 0, 0]);

    const row = await prisma.outboxEmail.findFirstOrThrow({ where: { to: user.email } });
    const before = smtp.received.length;
    const send = smtpSender({ SMTP_URL: smtp.url(), MAIL_FROM: "CLASSOUND portal <no-reply@classound.example>" })!;
    expect(await unsafeDeliverOutboxEmail(prisma, row.id, send)).toBe("sent");
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail!.header("Subject")).toBe("Reset your password");
    const link = mail!.part("text/plain").match(/https?:\/\/\S+/)![0];
    expect(link).toMatch(new RegExp(`^${PORTAL}/set-password/[A-Za-z0-9_-]{43}$`));

    const newPassword = "a brand new passphrase";
    await unsafeSetPasswordWithToken(prisma, link.split("/").pop()!, {
      password: newPassword,
      confirmPassword: newPassword,
    });
    expect((await authenticate(prisma, { email: user.email, password: newPassword }, freshIp())).ok).toBe(true);
  });

  it("takes about the same time for a known and an unknown address", async () => {
    const user = await makeUser(prisma, "END_USER");
    const timed = async (email: string) => {
      const started = performance.now();
      await requestPasswordReset(prisma, { email }, freshIp());
      return performance.now() - started;
    };
    const known = await timed(user.email);
    const unknown = await timed("not-a-user@example.test");
    expect(known).toBeGreaterThanOrEqual(FORGOT_PASSWORD_ANSWER_MS - 1);
    expect(unknown).toBeGreaterThanOrEqual(FORGOT_PASSWORD_ANSWER_MS - 1);
    expect(Math.abs(known - unknown)).toBeLessThan(250);
  });

  it("waits out the floor even when its timer fires early", async () => {
    // A first timer that fires 5 ms early, as one set at the end of a long turn of the event loop does
    // (counted from the loop's cached time), on a clock the sleeps advance.
    let now = 0;
    let shortBy = 5;
    const early = { clock: () => now, sleep: async (ms: number) => void ((now += ms - shortBy), (shortBy = 0)) };
    await requestPasswordReset(prisma, { email: "early-timer@example.test" }, freshIp(), early);
    expect(now).toBeGreaterThanOrEqual(FORGOT_PASSWORD_ANSWER_MS);
  });

  it("mails an account at most the limit in the window, from any addresses, and answers the same past it", async () => {
    const user = await makeUser(prisma, "PARTNER");
    const answers = await Promise.all(
      Array.from({ length: MAX_RESETS_PER_ACCOUNT + 3 }, () =>
        requestPasswordReset(prisma, { email: user.email }, freshIp(), instant),
      ),
    );
    expect(new Set(answers)).toEqual(new Set([FORGOT_PASSWORD_ANSWER]));
    expect(await mailsTo(user.email)).toBe(MAX_RESETS_PER_ACCOUNT);
    // Refusals are not counted: the window runs from the last link sent, not from the last try.
    expect(await prisma.passwordResetRequest.count({ where: { email: user.email } })).toBe(MAX_RESETS_PER_ACCOUNT);
    const later = new Date(Date.now() + 61 * 60 * 1000);
    await requestPasswordReset(prisma, { email: user.email }, freshIp(), instant, later);
    expect(await mailsTo(user.email)).toBe(MAX_RESETS_PER_ACCOUNT + 1);
  });

  it("stops an address that asks for many accounts, known or not", async () => {
    const ip = freshIp();
    for (let i = 0; i < MAX_RESETS_PER_ADDRESS; i++)
      await requestPasswordReset(prisma, { email: `probe-${i}@example.test` }, ip, instant);
    const user = await makeUser(prisma, "PARTNER");
    expect(await requestPasswordReset(prisma, { email: user.email }, ip, instant)).toBe(FORGOT_PASSWORD_ANSWER);
    expect(await mailsTo(user.email)).toBe(0);
    await requestPasswordReset(prisma, { email: user.email }, freshIp(), instant);
    expect(await mailsTo(user.email)).toBe(1);
  });

  it("refuses a malformed address beside the field", async () => {
    await expect(requestPasswordReset(prisma, { email: "not-an-address" }, freshIp(), instant)).rejects.toMatchObject({
      fieldErrors: { email: [expect.any(String)] },
    });
  });
});
