import { describe, expect, it } from "vitest";
import { actorOf, makePartner, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { authOptions } from "./options";
import { revokeSessions } from "./revoke-sessions";
import { SESSION_MAX_AGE_MS, refreshSessionToken, type SessionToken } from "./token";

const { prisma } = await createTestDatabase();

/** A user whose sessions are valid from a known instant, and a token signed in one second later. */
async function signedInUser(role: "ADMIN" | "PARTNER" = "ADMIN") {
  const user = await makeUser(prisma, role);
  const validAfter = new Date("2026-03-02T08:00:00.000Z");
  await prisma.user.update({ where: { id: user.id }, data: { sessionsValidAfter: validAfter } });
  const signedInAt = validAfter.getTime() + 1_000;
  return { user, token: { actor: actorOf(user), signedInAt } };
}

describe("session token refresh", () => {
  it("keeps a valid session", async () => {
    const { user, token } = await signedInUser();
    const refreshed = await refreshSessionToken(prisma, token, token.signedInAt + 60_000);
    expect(refreshed.actor).toEqual(actorOf(user));
  });

  it("ends a session revoked after its sign-in, at once", async () => {
    const { user, token } = await signedInUser();
    await revokeSessions(prisma, user.id, new Date(token.signedInAt + 1));
    expect((await refreshSessionToken(prisma, token, token.signedInAt + 2)).actor).toBeUndefined();
  });

  it("keeps a session signed in after the revocation", async () => {
    const { user, token } = await signedInUser();
    const revokedAt = new Date(token.signedInAt + 5_000);
    await revokeSessions(prisma, user.id, revokedAt);
    const later = { ...token, signedInAt: revokedAt.getTime() };
    expect((await refreshSessionToken(prisma, later, revokedAt.getTime() + 1)).actor?.userId).toBe(user.id);
  });

  it("ends a session eight hours after sign-in however often it was used", async () => {
    const { token } = await signedInUser();
    let current = token;
    for (let t = token.signedInAt; t < token.signedInAt + SESSION_MAX_AGE_MS; t += 60 * 60 * 1000) {
      current = await refreshSessionToken(prisma, current, t);
      expect(current.actor).toBeDefined();
    }
    expect((await refreshSessionToken(prisma, current, token.signedInAt + SESSION_MAX_AGE_MS)).actor).toBeUndefined();
  });

  it("ends a session without a sign-in time (issued before sessions carried one)", async () => {
    const { token } = await signedInUser();
    expect((await refreshSessionToken(prisma, { actor: token.actor }, token.signedInAt)).actor).toBeUndefined();
  });

  it("drops the actor of a disabled account on the next request", async () => {
    const { user, token } = await signedInUser();
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await refreshSessionToken(prisma, token, token.signedInAt + 1)).actor).toBeUndefined();
  });

  it("picks up a changed role on the next request", async () => {
    const { user, token } = await signedInUser();
    const partner = await makePartner(prisma);
    await prisma.user.update({
      where: { id: user.id },
      data: { role: "PARTNER", partnerId: partner.id, isPartnerAdmin: true },
    });
    const refreshed = await refreshSessionToken(prisma, token, token.signedInAt + 1);
    expect(refreshed.actor).toEqual(
      expect.objectContaining({ role: "PARTNER", partnerId: partner.id, isPartnerAdmin: true }),
    );
  });

  it("never brings back a session once it has ended", async () => {
    const { token } = await signedInUser();
    const ended = { ...token, actor: undefined };
    expect(await refreshSessionToken(prisma, ended, token.signedInAt + 1)).toBe(ended);
  });
});

describe("session token and the second factor", () => {
  it("holds an admin whose session passed no second factor at enrolment: the session carries no actor", async () => {
    const { token } = await signedInUser("ADMIN");
    const refreshed: SessionToken = await refreshSessionToken(prisma, token, token.signedInAt + 1);
    expect(refreshed.secondFactorEnrolmentRequired).toBe(true);
    const session = await authOptions.callbacks!.session!({
      session: { expires: "2026-03-02T16:00:00.000Z" },
      token: refreshed,
    } as never);
    expect(session).toEqual({ expires: "2026-03-02T16:00:00.000Z", enrollingActor: token.actor });
  });

  it("gives an admin whose session passed the second factor its actor", async () => {
    const { token } = await signedInUser("ADMIN");
    const passed: SessionToken = { ...token, secondFactorAt: token.signedInAt };
    const refreshed = await refreshSessionToken(prisma, passed, token.signedInAt + 1);
    expect(refreshed.secondFactorEnrolmentRequired).toBeUndefined();
    const session = await authOptions.callbacks!.session!({ session: { expires: "x" }, token: refreshed } as never);
    expect(session).toMatchObject({ actor: token.actor });
  });

  it("keeps a partner without two-factor signed in without it", async () => {
    const { token } = await signedInUser("PARTNER");
    const refreshed: SessionToken = await refreshSessionToken(prisma, token, token.signedInAt + 1);
    expect(refreshed.actor?.userId).toBe(token.actor.userId);
    expect(refreshed.secondFactorEnrolmentRequired).toBeUndefined();
  });

  it("ends every session that passed no second factor once the user turns it on", async () => {
    const { user, token } = await signedInUser("PARTNER");
    await prisma.user.update({
      where: { id: user.id },
      data: { totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() },
    });
    expect((await refreshSessionToken(prisma, token, token.signedInAt + 1)).actor).toBeUndefined();
    const passed = { ...token, secondFactorAt: token.signedInAt };
    expect((await refreshSessionToken(prisma, passed, token.signedInAt + 1)).actor?.userId).toBe(user.id);
  });
});
