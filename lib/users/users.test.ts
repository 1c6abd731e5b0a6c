import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { refreshSessionToken } from "@/lib/auth/token";
import { actorOf, makeCustomer, makeTwoTenants, makeUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { changeUserAccess, createUser, disableUser, enableUser, sendPasswordLink } from "./mutations";
import { changeOwnPassword, PASSWORD_CHANGE_MAX_FAILURES } from "./own-password";
import {
  hashToken,
  PASSWORD_LINK_VALID_MS,
  unsafeLoadPasswordLink,
  unsafeSetPasswordWithToken,
} from "./password-links";
import { listUsers, userFormOptions } from "./queries";
import { USERS_PAGE_SIZE } from "./schemas";

const { prisma } = await createTestDatabase();
beforeAll(() => vi.stubEnv("NEXTAUTH_URL", "https://portal.classound.example"));
afterAll(() => vi.unstubAllEnvs());

const { a, b, admin } = await makeTwoTenants(prisma);
const makePartnerAdmin = async (partnerId: string) =>
  actorOf(
    await prisma.user.update({
      where: { id: (await makeUser(prisma, "PARTNER", { partnerId })).id },
      data: { isPartnerAdmin: true },
    }),
  );
const adminA = await makePartnerAdmin(a.partner.id);
const adminB = await makePartnerAdmin(b.partner.id);

let seq = 0;
const email = () => `new-user-${++seq}-${Date.now()}@example.test`;
const tokenOf = (link: string) => new URL(link).pathname.split("/").at(-1)!;
const audits = (entityId: string) =>
  prisma.auditLog.findMany({ where: { entityId, entityType: "User" }, orderBy: { id: "asc" } });
const NEW_PASSWORD = "a sound new passphrase";

describe("creating a user", () => {
  it("stores only the link's hash, mails the absolute link, audits both, and the account cannot sign in yet", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const to = email();
    const { user, link, expiresAt } = await createUser(
      prisma,
      admin,
      {
        name: "Nora Neu",
        email: ` ${to.toUpperCase()} `,
        role: "PARTNER",
        partnerId: a.partner.id,
        isPartnerAdmin: false,
      },
      now,
    );
    expect(user).toMatchObject({
      email: to,
      role: "PARTNER",
      partnerId: a.partner.id,
      customerId: null,
      isPartnerAdmin: false,
      disabledAt: null,
    });
    expect(link).toMatch(/^https:\/\/portal\.classound\.example\/set-password\/[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime() - now.getTime()).toBe(PASSWORD_LINK_VALID_MS);

    const tokens = await prisma.passwordToken.findMany({ where: { userId: user.id } });
    expect(tokens).toEqual([
      expect.objectContaining({
        tokenHash: hashToken(tokenOf(link)),
        expiresAt,
        usedAt: null,
        createdById: admin.userId,
      }),
    ]);
    expect(tokens[0].tokenHash).not.toContain(tokenOf(link));
    expect(await verifyPassword(user.passwordHash, "")).toBe(false);

    const mails = await prisma.outboxEmail.findMany({ where: { to } });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(link);
    const entries = await audits(user.id);
    expect(entries.map((e) => [e.action, e.actorId])).toEqual([
      ["user.created", admin.userId],
      ["user.password_link_issued", admin.userId],
    ]);
    expect(JSON.stringify(entries.map((e) => e.detail))).not.toContain(tokenOf(link));
  });

  it("refuses a taken e-mail address and a missing tenant beside the field", async () => {
    const to = email();
    await createUser(prisma, admin, { name: "First", email: to, role: "ADMIN" });
    await expect(createUser(prisma, admin, { name: "Second", email: to, role: "ADMIN" })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { email: [expect.stringContaining("already")] },
    });
    await expect(
      createUser(prisma, admin, { name: "No partner", email: email(), role: "PARTNER", partnerId: "" }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { partnerId: [expect.any(String)] } });
    await expect(
      createUser(prisma, admin, { name: "No customer", email: email(), role: "END_USER" }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { customerId: [expect.any(String)] } });
    await expect(
      createUser(prisma, admin, { name: "Filter", email: email(), role: "END_USER", customerId: { not: "x" } }),
    ).rejects.toMatchObject({ code: "INVALID" });
  });

  it("lets a partner admin add colleagues and end users of its own customers only, never admins", async () => {
    const colleague = await createUser(prisma, adminA, {
      name: "Colleague",
      email: email(),
      role: "PARTNER",
      partnerId: a.partner.id,
      isPartnerAdmin: true,
    });
    expect(colleague.user).toMatchObject({ partnerId: a.partner.id, isPartnerAdmin: true });
    const endUser = await createUser(prisma, adminA, {
      name: "End user",
      email: email(),
      role: "END_USER",
      customerId: a.customer.id,
      isPartnerAdmin: true,
    });
    expect(endUser.user).toMatchObject({ customerId: a.customer.id, partnerId: null, isPartnerAdmin: false });

    const before = await prisma.user.count();
    await expect(
      createUser(prisma, adminA, {
        name: "Foreign end user",
        email: email(),
        role: "END_USER",
        customerId: b.customer.id,
      }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { customerId: [expect.any(String)] } });
    await expect(
      createUser(prisma, adminA, {
        name: "Foreign colleague",
        email: email(),
        role: "PARTNER",
        partnerId: b.partner.id,
      }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { partnerId: [expect.any(String)] } });
    await expect(
      createUser(prisma, adminA, { name: "Would-be admin", email: email(), role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.user.count()).toBe(before);
  });

  it("is refused to partner users who are not admins and to end users", async () => {
    for (const actor of [a.partnerActor, a.endUserActor]) {
      await expect(
        createUser(prisma, actor, { name: "Nope", email: email(), role: "PARTNER", partnerId: a.partner.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("the one-time set-password link", () => {
  it("sets the password once, cuts off earlier sessions, and a second use fails", async () => {
    const { user, link } = await createUser(prisma, admin, {
      name: "Link user",
      email: email(),
      role: "END_USER",
      customerId: a.customer.id,
    });
    const token = tokenOf(link);
    expect(await unsafeLoadPasswordLink(prisma, token)).toMatchObject({ email: user.email });
    const usedAt = new Date(Date.now() + 1000);

    await expect(
      unsafeSetPasswordWithToken(prisma, token, { password: "too short", confirmPassword: "too short" }, usedAt),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { password: [expect.any(String)] } });
    await expect(
      unsafeSetPasswordWithToken(prisma, token, { password: NEW_PASSWORD, confirmPassword: "something else!" }, usedAt),
    ).rejects.toMatchObject({ fieldErrors: { confirmPassword: [expect.any(String)] } });
    await expect(
      unsafeSetPasswordWithToken(prisma, token, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, usedAt),
    ).resolves.toEqual({ email: user.email });

    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.sessionsValidAfter).toEqual(usedAt);
    expect(await prisma.passwordToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).toMatchObject({
      usedAt,
    });
    expect((await audits(user.id)).at(-1)).toMatchObject({ action: "user.password_set", actorId: user.id });

    await expect(
      unsafeSetPasswordWithToken(prisma, token, {
        password: "another passphrase",
        confirmPassword: "another passphrase",
      }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect(
      await verifyPassword(
        (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash,
        NEW_PASSWORD,
      ),
    ).toBe(true);
    expect(await unsafeLoadPasswordLink(prisma, token)).toBeNull();
  });

  it("lets exactly one of two simultaneous uses through", async () => {
    const { link } = await createUser(prisma, admin, { name: "Race", email: email(), role: "ADMIN" });
    const input = { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    const results = await Promise.allSettled([
      unsafeSetPasswordWithToken(prisma, tokenOf(link), input),
      unsafeSetPasswordWithToken(prisma, tokenOf(link), input),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("is refused after 72 hours, after a newer link, for a disabled user (even once enabled again), and when made up", async () => {
    const created = new Date("2026-11-01T08:00:00Z");
    const { user, link } = await createUser(prisma, admin, { name: "Late", email: email(), role: "ADMIN" }, created);
    const input = { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    const expired = new Date(created.getTime() + PASSWORD_LINK_VALID_MS);
    expect(await unsafeLoadPasswordLink(prisma, tokenOf(link), expired)).toBeNull();
    await expect(unsafeSetPasswordWithToken(prisma, tokenOf(link), input, expired)).rejects.toMatchObject({
      code: "INVALID",
    });

    const second = await sendPasswordLink(prisma, admin, user.id, created);
    const third = await sendPasswordLink(prisma, admin, user.id, created);
    const soon = new Date(created.getTime() + 60_000);
    await expect(unsafeSetPasswordWithToken(prisma, tokenOf(second.link), input, soon)).rejects.toMatchObject({
      code: "INVALID",
    });

    await disableUser(prisma, admin, user.id, soon);
    await expect(unsafeSetPasswordWithToken(prisma, tokenOf(third.link), input, soon)).rejects.toMatchObject({
      code: "INVALID",
    });
    await enableUser(prisma, admin, user.id);
    // Enabled again, the account needs a new link: the one sent before it was disabled stays dead.
    await expect(unsafeSetPasswordWithToken(prisma, tokenOf(third.link), input, soon)).rejects.toMatchObject({
      code: "INVALID",
    });
    const fourth = await sendPasswordLink(prisma, admin, user.id, soon);
    await expect(unsafeSetPasswordWithToken(prisma, tokenOf(fourth.link), input, soon)).resolves.toBeTruthy();

    await expect(unsafeSetPasswordWithToken(prisma, "A".repeat(43), input)).rejects.toMatchObject({ code: "INVALID" });
    await expect(unsafeSetPasswordWithToken(prisma, "../../etc", input)).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("changing access, disabling and enabling", () => {
  it("disables a user, whose session drops at once, and enables them again, auditing each", async () => {
    const target = actorOf(await makeUser(prisma, "PARTNER", { partnerId: a.partner.id }));
    const token = { actor: target, signedInAt: Date.now() };
    expect((await refreshSessionToken(prisma, token)).actor).toEqual(target);

    const now = new Date();
    const disabled = await disableUser(prisma, adminA, target.userId, now);
    expect(disabled).toMatchObject({ disabledAt: now, sessionsValidAfter: now });
    expect((await refreshSessionToken(prisma, token)).actor).toBeUndefined();
    expect((await disableUser(prisma, adminA, target.userId)).disabledAt).toEqual(now);

    expect((await enableUser(prisma, adminA, target.userId)).disabledAt).toBeNull();
    expect((await audits(target.userId)).map((e) => [e.action, e.actorId])).toEqual([
      ["user.disabled", adminA.userId],
      ["user.enabled", adminA.userId],
    ]);
  });

  it("changes a role within what the actor may grant and cuts off the user's sessions", async () => {
    const colleague = await makeUser(prisma, "PARTNER", { partnerId: a.partner.id });
    const session = { actor: actorOf(colleague), signedInAt: Date.now() };
    expect((await refreshSessionToken(prisma, session)).actor).toBeDefined();
    const now = new Date(Date.now() + 1);
    const promoted = await changeUserAccess(
      prisma,
      adminA,
      colleague.id,
      { role: "PARTNER", partnerId: a.partner.id, isPartnerAdmin: true },
      now,
    );
    expect(promoted).toMatchObject({ isPartnerAdmin: true, sessionsValidAfter: now });
    expect((await refreshSessionToken(prisma, session)).actor).toBeUndefined();
    expect((await audits(colleague.id)).at(-1)).toMatchObject({
      action: "user.role_changed",
      actorId: adminA.userId,
      detail: { from: { isPartnerAdmin: false }, to: { isPartnerAdmin: true } },
    });

    await expect(changeUserAccess(prisma, adminA, colleague.id, { role: "ADMIN" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      changeUserAccess(prisma, adminA, colleague.id, { role: "END_USER", customerId: b.customer.id }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { customerId: [expect.any(String)] } });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: colleague.id } })).toMatchObject({
      role: "PARTNER",
      isPartnerAdmin: true,
    });

    const madeAdmin = await changeUserAccess(prisma, admin, colleague.id, { role: "ADMIN" });
    expect(madeAdmin).toMatchObject({ role: "ADMIN", partnerId: null, isPartnerAdmin: false });
  });

  it("refuses a partner admin every change to another partner's users and customers, as if they did not exist", async () => {
    const theirs = await makeUser(prisma, "PARTNER", { partnerId: b.partner.id });
    const before = await prisma.user.findUniqueOrThrow({ where: { id: theirs.id } });
    for (const id of [theirs.id, b.endUserActor.userId, adminB.userId, admin.userId]) {
      await expect(disableUser(prisma, adminA, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(enableUser(prisma, adminA, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(sendPasswordLink(prisma, adminA, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        changeUserAccess(prisma, adminA, id, { role: "PARTNER", partnerId: a.partner.id }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: theirs.id } })).toEqual(before);
    expect(await audits(theirs.id)).toEqual([]);
  });

  it("refuses everything to a partner user who is not an admin, and to end users", async () => {
    const target = a.endUserActor.userId;
    for (const actor of [a.partnerActor, a.endUserActor]) {
      await expect(disableUser(prisma, actor, target)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(enableUser(prisma, actor, target)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        changeUserAccess(prisma, actor, target, { role: "END_USER", customerId: a.customer.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(sendPasswordLink(prisma, actor, target)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listUsers(prisma, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(userFormOptions(prisma, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target } })).disabledAt).toBeNull();
  });

  it("does not let anyone disable or re-role their own account", async () => {
    for (const actor of [adminA, admin]) {
      await expect(disableUser(prisma, actor, actor.userId)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        changeUserAccess(prisma, actor, actor.userId, { role: "PARTNER", partnerId: a.partner.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: adminA.userId } })).disabledAt).toBeNull();
  });
});

describe("the user list", () => {
  it("shows a partner admin its colleagues and its customers' end users, and no filter widens that", async () => {
    const otherCustomer = await makeCustomer(prisma, a.partner.id);
    const otherEndUser = await makeUser(prisma, "END_USER", { customerId: otherCustomer.id });
    const { rows } = await listUsers(prisma, adminA);
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([adminA.userId, a.partnerActor.userId, a.endUserActor.userId, otherEndUser.id]),
    );
    expect(
      rows.every(
        (r) => r.partnerId === a.partner.id || r.partnerName === rows.find((x) => x.id === adminA.userId)!.partnerName,
      ),
    ).toBe(true);
    expect(ids).not.toContain(b.partnerActor.userId);
    expect(ids).not.toContain(admin.userId);

    expect((await listUsers(prisma, adminA, { partnerId: b.partner.id })).rows).toEqual([]);
    expect((await listUsers(prisma, adminA, { customerId: b.customer.id })).rows).toEqual([]);
    expect((await listUsers(prisma, adminA, { customerId: otherCustomer.id })).rows.map((r) => r.id)).toEqual([
      otherEndUser.id,
    ]);
    const options = await userFormOptions(prisma, adminA);
    expect(options).toMatchObject({ partners: [{ id: a.partner.id }], canGrantAdmin: false });
    expect(options.customers.every((c) => c.partnerId === a.partner.id)).toBe(true);
  });

  it("lets an admin filter by partner (colleagues and end users), role and status", async () => {
    const disabled = await makeUser(prisma, "PARTNER", { partnerId: b.partner.id }, { disabledAt: new Date() });
    const { rows: ofB } = await listUsers(prisma, admin, { partnerId: b.partner.id });
    expect(ofB.map((r) => r.id)).toEqual(
      expect.arrayContaining([b.partnerActor.userId, b.endUserActor.userId, adminB.userId, disabled.id]),
    );
    expect(ofB.find((r) => r.id === b.endUserActor.userId)).toMatchObject({
      partnerName: b.partner.name,
      customerName: b.customer.name,
    });
    expect(
      (await listUsers(prisma, admin, { partnerId: b.partner.id, status: "disabled" })).rows.map((r) => r.id),
    ).toEqual([disabled.id]);
    expect((await listUsers(prisma, admin, { role: "ADMIN" })).rows.every((r) => r.role === "ADMIN")).toBe(true);
    // Junk in the URL is ignored rather than turned into a filter.
    expect((await listUsers(prisma, admin, { partnerId: { not: "x" }, role: "ROOT" })).total).toBeGreaterThan(
      ofB.length,
    );
  });
});

describe("the user list's pages", () => {
  it("pages on the server: 25 by name, page 2 goes on where page 1 stopped, the total counts every match", async () => {
    const customer = await makeCustomer(prisma, a.partner.id);
    const names = Array.from({ length: USERS_PAGE_SIZE + 5 }, (_, i) => `Paging ${String(i + 1).padStart(2, "0")}`);
    // Created out of order: the list's order is the name's, not the insertion's.
    for (const name of names.toReversed()) {
      const { id } = await makeUser(prisma, "END_USER", { customerId: customer.id });
      await prisma.user.update({ where: { id }, data: { name } });
    }
    const first = await listUsers(prisma, adminA, { customerId: customer.id });
    expect(first).toMatchObject({ total: names.length, page: 1, pageCount: 2 });
    expect(first.rows.map((r) => r.name)).toEqual(names.slice(0, USERS_PAGE_SIZE));
    const second = await listUsers(prisma, adminA, { customerId: customer.id, page: "2" });
    expect(second).toMatchObject({ total: names.length, page: 2, pageCount: 2 });
    expect(second.rows.map((r) => r.name)).toEqual(names.slice(USERS_PAGE_SIZE));
    // A page past the end is empty, not an error; a page that is not one is the first.
    expect((await listUsers(prisma, adminA, { customerId: customer.id, page: "3" })).rows).toEqual([]);
    expect((await listUsers(prisma, adminA, { customerId: customer.id, page: "1e300" })).page).toBe(1);
    // Another partner's admin counts none of them.
    expect((await listUsers(prisma, adminB, { customerId: customer.id })).total).toBe(0);
  });

  it("finds an account on any page by a part of its name or e-mail, within the scope only", async () => {
    const { rows } = await listUsers(prisma, adminA, { q: "paging 27" });
    expect(rows.map((r) => r.name)).toEqual(["Paging 27"]);
    const [someone] = rows;
    expect((await listUsers(prisma, adminA, { q: someone.email.slice(3, 20).toUpperCase() })).rows).toEqual([someone]);
    expect((await listUsers(prisma, adminB, { q: "Paging" })).total).toBe(0);
    // NUL and other control characters are no search: the filter is ignored.
    expect((await listUsers(prisma, adminA, { q: "Paging\u0000" })).total).toBe(
      (await listUsers(prisma, adminA)).total,
    );
  });
});

describe("changing one's own password", () => {
  const input = (currentPassword: string) => ({
    currentPassword,
    newPassword: NEW_PASSWORD,
    confirmPassword: NEW_PASSWORD,
  });
  let me: Actor;
  beforeAll(async () => {
    me = actorOf(await makeUser(prisma, "END_USER", { customerId: a.customer.id }));
  });

  it("needs the current password, beside its field", async () => {
    await expect(changeOwnPassword(prisma, me, input("not my password"))).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    await expect(
      changeOwnPassword(prisma, me, { ...input(TEST_PASSWORD), confirmPassword: "typo typo typo" }),
    ).rejects.toMatchObject({ fieldErrors: { confirmPassword: [expect.any(String)] } });
    await expect(
      changeOwnPassword(prisma, me, { currentPassword: TEST_PASSWORD, newPassword: "short", confirmPassword: "short" }),
    ).rejects.toMatchObject({ fieldErrors: { newPassword: [expect.any(String)] } });
    expect(
      await verifyPassword(
        (await prisma.user.findUniqueOrThrow({ where: { id: me.userId } })).passwordHash,
        TEST_PASSWORD,
      ),
    ).toBe(true);
  });

  it("changes it, cuts off every session and audits it", async () => {
    const now = new Date();
    await changeOwnPassword(prisma, me, input(TEST_PASSWORD), now);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: me.userId } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(user.sessionsValidAfter).toEqual(now);
    expect((await audits(me.userId)).map((e) => e.action)).toEqual([
      "user.password_change_refused",
      "user.password_changed",
    ]);
  });

  it("stops accepting attempts after repeated wrong current passwords", async () => {
    const guessed = actorOf(await makeUser(prisma, "PARTNER", { partnerId: b.partner.id }));
    for (let i = 0; i < PASSWORD_CHANGE_MAX_FAILURES; i++) {
      await expect(changeOwnPassword(prisma, guessed, input(`guess number ${i}`))).rejects.toMatchObject({
        code: "INVALID",
      });
    }
    await expect(changeOwnPassword(prisma, guessed, input(TEST_PASSWORD))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await verifyPassword(
        (await prisma.user.findUniqueOrThrow({ where: { id: guessed.userId } })).passwordHash,
        TEST_PASSWORD,
      ),
    ).toBe(true);
  });
});
