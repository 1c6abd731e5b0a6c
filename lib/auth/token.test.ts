import { describe, expect, it } from "vitest";
import { actorOf, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { ACCOUNT_RECHECK_MS, refreshSessionToken } from "./token";

const { prisma } = await createTestDatabase();

describe("session token re-check", () => {
  it("keeps a recently checked token without reading the database", async () => {
    const user = await makeUser(prisma, "ADMIN");
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    const token = { actor: actorOf(user), checkedAt: 1_000_000 };
    expect(await refreshSessionToken(prisma, token, 1_000_000 + ACCOUNT_RECHECK_MS - 1)).toBe(token);
  });

  it("drops the actor of a disabled account once the interval has passed", async () => {
    const user = await makeUser(prisma, "ADMIN");
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    const refreshed = await refreshSessionToken(prisma, { actor: actorOf(user), checkedAt: 0 }, ACCOUNT_RECHECK_MS);
    expect(refreshed.actor).toBeUndefined();
  });

  it("picks up a changed role", async () => {
    const user = await makeUser(prisma, "ADMIN");
    const customerOwner = await prisma.partner.findFirst();
    await prisma.user.update({ where: { id: user.id }, data: { role: "PARTNER", partnerId: customerOwner?.id ?? null } });
    const refreshed = await refreshSessionToken(prisma, { actor: actorOf(user), checkedAt: 0 }, ACCOUNT_RECHECK_MS);
    expect(refreshed.actor?.role).toBe("PARTNER");
    expect(refreshed.checkedAt).toBe(ACCOUNT_RECHECK_MS);
  });
});
