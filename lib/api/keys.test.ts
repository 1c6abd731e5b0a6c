import { describe, expect, it } from "vitest";
import { actorOf, makeTenant, makeTenantUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { hashApiKey } from "./key-secret";
import { createPartnerKey, listPartnerKeys, revokePartnerKey } from "./keys";

const { prisma } = await createTestDatabase();
const NOW = new Date("2026-12-07T10:00:00Z");

async function partnerAdmin(tenant: Awaited<ReturnType<typeof makeTenant>>) {
  const user = await makeTenantUser(prisma, "PARTNER", tenant);
  return actorOf(await prisma.user.update({ where: { id: user.id }, data: { isPartnerAdmin: true } }));
}

const a = await makeTenant(prisma);
const b = await makeTenant(prisma);
const adminA = await partnerAdmin(a);
const adminB = await partnerAdmin(b);

describe("partner API keys", () => {
  it("are created once-shown, stored as a hash, listed without it and audited with their name", async () => {
    const created = await createPartnerKey(
      prisma,
      adminA,
      { name: " CRM ", scopes: ["customers:read", "numbers:write", "customers:read"], expiresOn: "2027-06-30" },
      NOW,
    );
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created).toMatchObject({ name: "CRM", scopes: ["customers:read", "numbers:write"] });
    expect(created.expiresAt).toEqual(new Date("2027-07-01T00:00:00Z"));
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ kind: "PARTNER", partnerId: a.partner.id, pbxId: null, createdById: adminA.userId });
    expect(row.hash).toBe(hashApiKey(created.key));

    const listed = await listPartnerKeys(prisma, adminA);
    expect(listed.map((k) => k.id)).toContain(created.id);
    expect(JSON.stringify(listed)).not.toContain(row.hash);
    expect(listed.find((k) => k.id === created.id)?.createdBy?.name).toBe(adminA.name);
    expect(await listPartnerKeys(prisma, adminB)).toEqual([]);

    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "api_key.created", entityId: created.id },
    });
    expect(audit).toMatchObject({ actorId: adminA.userId, detail: { name: "CRM", scopes: created.scopes } });
  });

  it("refuses unknown scopes, no scope, a past or far expiry, beside the field", async () => {
    const fields = async (input: object) =>
      createPartnerKey(prisma, adminA, input, NOW).then(
        () => null,
        (e: { code: string; fieldErrors?: object }) => ({ code: e.code, fields: Object.keys(e.fieldErrors ?? {}) }),
      );
    expect(await fields({ name: "x", scopes: ["customers:delete"] })).toEqual({ code: "INVALID", fields: ["scopes"] });
    expect(await fields({ name: "x", scopes: [] })).toEqual({ code: "INVALID", fields: ["scopes"] });
    expect(await fields({ name: "", scopes: ["pbxs:read"] })).toEqual({ code: "INVALID", fields: ["name"] });
    for (const expiresOn of ["2026-12-06", "0000-01-01", "2031-01-01", "tomorrow"])
      expect(await fields({ name: "x", scopes: ["pbxs:read"], expiresOn })).toEqual({
        code: "INVALID",
        fields: ["expiresOn"],
      });
    // The last day chosen may be today: the key works until the day ends.
    expect(await fields({ name: "x", scopes: ["pbxs:read"], expiresOn: "2026-12-07" })).toBeNull();
  });

  it("are managed by a partner admin only", async () => {
    const input = { name: "x", scopes: ["pbxs:read"] };
    const partnerUser = actorOf(await makeTenantUser(prisma, "PARTNER", a));
    const endUser = actorOf(await makeTenantUser(prisma, "END_USER", a));
    const operator = actorOf(await makeTenantUser(prisma, "ADMIN", a));
    for (const actor of [partnerUser, endUser, operator]) {
      await expect(createPartnerKey(prisma, actor, input, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listPartnerKeys(prisma, actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(createPartnerKey(prisma, { ...adminA, agreementSuspended: true }, input, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("are revoked once, audited; another partner's key, a PBX key or a bad id is NOT_FOUND", async () => {
    const { id } = await createPartnerKey(prisma, adminA, { name: "Billing", scopes: ["invoices:read"] }, NOW);
    await expect(revokePartnerKey(prisma, adminB, { keyId: id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(revokePartnerKey(prisma, adminA, { keyId: { not: "" } }, NOW)).rejects.toMatchObject({
      code: "INVALID",
    });
    const pbxKey = await prisma.apiKey.create({
      data: { kind: "PBX", partnerId: a.partner.id, pbxId: a.pbx.id, name: "pbx", prefix: "csk_x", hash: "pbx-hash" },
    });
    await expect(revokePartnerKey(prisma, adminA, { keyId: pbxKey.id }, NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await revokePartnerKey(prisma, adminA, { keyId: id }, NOW);
    expect((await prisma.apiKey.findUniqueOrThrow({ where: { id } })).revokedAt).toEqual(NOW);
    await expect(revokePartnerKey(prisma, adminA, { keyId: id }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await prisma.auditLog.count({ where: { action: "api_key.revoked", entityId: id } })).toBe(1);
    expect(await prisma.apiKey.count({ where: { id: pbxKey.id, revokedAt: null } })).toBe(1);
  });
});
