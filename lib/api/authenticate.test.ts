import { describe, expect, it } from "vitest";
import { recordAudit, withApiKeyAudit } from "@/lib/audit/record";
import { auditSentence } from "@/lib/audit/sentences";
import { assertCanChange } from "@/lib/auth/policy";
import { createPbxApiKey } from "@/lib/pbx/api-keys";
import { actorOf, makeTenant, makeTenantUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { authenticateApiKey } from "./authenticate";
import { createPartnerKey, revokePartnerKey } from "./keys";

const { prisma } = await createTestDatabase();
const NOW = new Date("2026-12-07T10:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

const tenant = await makeTenant(prisma);
const creator = await prisma.user.update({
  where: { id: (await makeTenantUser(prisma, "PARTNER", tenant)).id },
  data: { isPartnerAdmin: true },
});
const admin = actorOf(creator);
const newKey = (input: object = {}) =>
  createPartnerKey(prisma, admin, { name: "CRM", scopes: ["customers:read"], ...input }, NOW);
const bearer = (key: string) => `Bearer ${key}`;
const refused = {
  code: "UNAUTHENTICATED",
  message: "A valid partner API key is required (Authorization: Bearer <key>).",
};

describe("authenticateApiKey", () => {
  it("acts as the key's partner, never an admin, naming the key", async () => {
    const { id, key } = await newKey();
    const result = await authenticateApiKey(prisma, bearer(key), "203.0.113.7", NOW);
    expect(result.key).toEqual({ id, partnerId: tenant.partner.id, scopes: ["customers:read"], name: "CRM" });
    expect(result.actor).toMatchObject({
      role: "PARTNER",
      partnerId: tenant.partner.id,
      customerId: null,
      isPartnerAdmin: false,
      agreementSuspended: false,
      userId: creator.id,
      apiKey: { id, name: "CRM" },
    });
  });

  it("keeps working when its creator is disabled: the key is the partner's", async () => {
    const { key } = await newKey();
    await prisma.user.update({ where: { id: creator.id }, data: { disabledAt: NOW } });
    try {
      await expect(authenticateApiKey(prisma, bearer(key), "x", NOW)).resolves.toBeTruthy();
    } finally {
      await prisma.user.update({ where: { id: creator.id }, data: { disabledAt: null } });
    }
  });

  it("refuses a missing, malformed, unknown, revoked, expired or PBX key with one message", async () => {
    const { key } = await newKey();
    const revoked = await newKey();
    await revokePartnerKey(prisma, admin, { keyId: revoked.id }, NOW);
    const expiring = await newKey({ expiresOn: "2026-12-07" });
    const pbxKey = (await createPbxApiKey(prisma, admin, { pbxId: tenant.pbx.id, name: "pbx" })).key;
    const headers = [
      null,
      "",
      key,
      `Basic ${key}`,
      `Bearer ${key} extra`,
      `Bearer ${key.slice(0, -1)}`,
      "Bearer csk_" + "a".repeat(500),
      bearer(revoked.key),
      bearer(pbxKey),
    ];
    for (const header of headers)
      await expect(authenticateApiKey(prisma, header, "x", NOW), String(header)).rejects.toMatchObject(refused);
    await expect(authenticateApiKey(prisma, bearer(expiring.key), "x", at(13 * 3600))).resolves.toBeTruthy();
    await expect(authenticateApiKey(prisma, bearer(expiring.key), "x", at(14 * 3600))).rejects.toMatchObject(refused);
  });

  it("flags a suspended partner: reads pass, changes are refused as on the pages", async () => {
    const other = await makeTenant(prisma);
    const otherAdmin = actorOf(
      await prisma.user.update({
        where: { id: (await makeTenantUser(prisma, "PARTNER", other)).id },
        data: { isPartnerAdmin: true },
      }),
    );
    const { key } = await createPartnerKey(prisma, otherAdmin, { name: "x", scopes: ["pbxs:write"] }, NOW);
    await prisma.partner.update({ where: { id: other.partner.id }, data: { agreementStatus: "SUSPENDED" } });
    const { actor } = await authenticateApiKey(prisma, bearer(key), "x", NOW);
    expect(actor.agreementSuspended).toBe(true);
    expect(() => assertCanChange(actor, "numbers.order")).toThrow(/agreement/i);
  });

  it("records the last use and address at most once a minute", async () => {
    const { id, key } = await newKey();
    const lastUse = () =>
      prisma.apiKey.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true, lastUsedFrom: true } });
    await authenticateApiKey(prisma, bearer(key), "203.0.113.7", NOW);
    expect(await lastUse()).toEqual({ lastUsedAt: NOW, lastUsedFrom: "203.0.113.7" });
    await authenticateApiKey(prisma, bearer(key), "198.51.100.1", at(59));
    expect(await lastUse()).toEqual({ lastUsedAt: NOW, lastUsedFrom: "203.0.113.7" });
    await authenticateApiKey(prisma, bearer(key), "198.51.100.1", at(60));
    expect(await lastUse()).toEqual({ lastUsedAt: at(60), lastUsedFrom: "198.51.100.1" });
  });
});

describe("the audit of an API key's request", () => {
  it("names the key and its creator", async () => {
    const { id, key } = await newKey({ name: "Billing sync" });
    const { actor } = await authenticateApiKey(prisma, bearer(key), "203.0.113.7", NOW);
    await withApiKeyAudit({ apiKey: actor.apiKey!, ip: "203.0.113.7" }, () =>
      recordAudit(prisma, { actorId: actor.userId, action: "api_key.revoked", detail: { name: "x" } }),
    );
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "api_key.revoked", actorId: creator.id, ip: "203.0.113.7" },
    });
    expect(entry.detail).toEqual({ name: "x", viaApiKey: { id, name: "Billing sync" } });
    expect(auditSentence(entry, creator.name, new Map())).toBe(
      `${creator.name}'s API key “Billing sync” revoked the API key “x”`,
    );
  });
});
