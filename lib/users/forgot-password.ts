import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { parseOrThrow } from "@/lib/errors";
import { issuePasswordLink } from "./password-links";
import { ZForgotPassword } from "./schemas";

// Counted in the database, so every app instance shares the limits. Per account: a mailbox is not
// flooded and the newest link is not replaced over and over. Per address: one client cannot walk
// through many accounts. Unknown addresses count like known ones, so a refusal tells nothing.
export const PASSWORD_RESET_WINDOW_MS = 60 * 60 * 1000;
export const MAX_RESETS_PER_ACCOUNT = 3;
export const MAX_RESETS_PER_ADDRESS = 10;
/**
 * Every answer takes at least this long. A known address writes a token, a mail and an audit entry
 * (milliseconds); an unknown one writes nothing: the floor hides the difference.
 */
export const FORGOT_PASSWORD_ANSWER_MS = 600;

/** The one answer, whether the account exists, is disabled, or the limit was reached. */
export const FORGOT_PASSWORD_ANSWER =
  "If an account uses this e-mail address, we have sent it a link to choose a new password. It works once, for 72 hours.";

export interface ForgotPasswordDeps {
  sleep: (ms: number) => Promise<void>;
  clock: () => number;
}

const defaultDeps: ForgotPasswordDeps = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  clock: () => performance.now(),
};

/**
 * "Forgot password": mails the account's owner a one-time set-password link (the same link an admin
 * sends). Answers the same, in about the same time, whatever the address; the caller asks for mail
 * delivery every time, for the same reason.
 */
export async function requestPasswordReset(
  db: Db,
  input: unknown,
  ip: string,
  deps: ForgotPasswordDeps = defaultDeps,
  now = new Date(),
): Promise<string> {
  const started = deps.clock();
  const { email } = parseOrThrow(ZForgotPassword, input);
  try {
    await db.$transaction(async (tx) => {
      // Both counters' keys locked: two parallel requests cannot both pass the count before either is recorded.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('classound.password-reset'), hashtext(${email}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('classound.password-reset'), hashtext(${ip}))`;
      const since = new Date(now.getTime() - PASSWORD_RESET_WINDOW_MS);
      const [forAccount, fromAddress] = await Promise.all([
        tx.passwordResetRequest.count({ where: { email, createdAt: { gte: since } } }),
        tx.passwordResetRequest.count({ where: { ip, createdAt: { gte: since } } }),
      ]);
      if (forAccount >= MAX_RESETS_PER_ACCOUNT || fromAddress >= MAX_RESETS_PER_ADDRESS) {
        // Not counted: hammering does not push the end of the refusal further out.
        await recordAudit(tx, { action: "user.password_reset_throttled", ip, detail: { email } });
        return;
      }
      await tx.passwordResetRequest.create({ data: { email, ip, createdAt: now } });
      // Unscoped by nature: the visitor is not signed in.
      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, disabledAt: true },
      });
      if (user && !user.disabledAt) await issuePasswordLink(tx, null, user, now);
    });
  } finally {
    // A timer can fire a little early (Node counts from the event loop's cached time, which lags
    // while a turn runs: a CI run answered in 598.97 ms): sleep again until the floor has passed.
    for (let tries = 0; tries < 3; tries++) {
      const left = FORGOT_PASSWORD_ANSWER_MS - (deps.clock() - started);
      if (left <= 0) break;
      await deps.sleep(Math.ceil(left));
    }
  }
  return FORGOT_PASSWORD_ANSWER;
}
