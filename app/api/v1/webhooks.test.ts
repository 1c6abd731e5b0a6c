import { afterAll, describe, expect, it } from "vitest";
import type { ApiScope } from "@/lib/api/scopes";
import { actorOf, makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

// /api/v1/webhook-endpoints through the exported route handlers with real keys; the process-wide
// db() points at this file's database (so the file runs isolated, vitest.config.ts).
const { prisma, url } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { callApi } = await import("@/lib/api/testing/call-api");
const endpoints = await import("@/lib/api/endpoints/webhooks");
const { createPartnerKey } = await import("@/lib/api/keys");
const { db } = await import("@/lib/db/client");
afterAll(() => db().$disconnect());

const { a, b } = await makeTwoTenants(prisma);

async function makeKey(partner: { id: string }, scopes: ApiScope[]) {
  const user = await makeUser(prisma, "PARTNER", { partnerId: partner.id });
  const admin = actorOf(await prisma.user.update({ where: { id: user.id }, data: { isPartnerAdmin: true } }));
  return (await createPartnerKey(prisma, admin, { name: "Integration", scopes })).key;
}
const keyA = await makeKey(a.partner, ["webhooks:write"]);
const keyB = await makeKey(b.partner, ["webhooks:write"]);

describe("/api/v1/webhook-endpoints", () => {
  it("registers an endpoint with its secret shown once, lists and reads it without, and deletes it; another partner sees none of it", async () => {
    const body = {
      url: "https://93.184.215.14/hooks",
      events: ["activation.decided", "activation.decided"],
      description: "CRM",
    };
    const created = await callApi(keyA, endpoints.createWebhookEndpointEndpoint, { body });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      url: "https://93.184.215.14/hooks",
      events: ["activation.decided"],
      enabled: true,
      lastDelivery: null,
      secret: expect.stringMatching(/^whsec_[\w-]{43}$/),
    });
    const { id, secret } = created.json;
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "webhook.created", entityId: id } });
    expect(audit.detail).toMatchObject({ viaApiKey: { name: "Integration" } });

    const list = await callApi(keyA, endpoints.listWebhookEndpointsEndpoint, { query: { limit: "1" } });
    expect(list.json).toMatchObject({ data: [{ id }], next: null });
    const one = await callApi(keyA, endpoints.getWebhookEndpointEndpoint, { params: { id } });
    expect(one.json).toMatchObject({ id, description: "CRM" });
    for (const answer of [created, list, one].slice(1)) expect(answer.text).not.toContain(secret);

    expect((await callApi(keyB, endpoints.listWebhookEndpointsEndpoint)).json).toEqual({ data: [], next: null });
    expect((await callApi(keyB, endpoints.getWebhookEndpointEndpoint, { params: { id } })).status).toBe(404);
    expect((await callApi(keyB, endpoints.deleteWebhookEndpointEndpoint, { params: { id } })).status).toBe(404);

    const deleted = await callApi(keyA, endpoints.deleteWebhookEndpointEndpoint, { params: { id } });
    expect(deleted.json).toEqual({ id, deleted: true });
    expect((await callApi(keyA, endpoints.getWebhookEndpointEndpoint, { params: { id } })).status).toBe(404);
  });

  it("refuses beside the url field what the SSRF guard refuses, and a malformed body, with 400", async () => {
    const refusals: [unknown, RegExp][] = [
      [{ url: "http://93.184.215.14/hooks", events: ["invoice.issued"] }, /https/],
      [{ url: "https://localhost:3000/hooks", events: ["invoice.issued"] }, /not a public address/],
      [{ url: "https://[::ffff:169.254.169.254]/latest", events: ["invoice.issued"] }, /not a public address/],
      [{ url: "https://10.0.0.8/hooks", events: ["invoice.issued"] }, /not a public address/],
      [{ url: "not a url", events: ["invoice.issued"] }, /full URL/],
      [{ url: "https://93.184.215.14/hooks", events: ["everything"] }, /known event/],
      [{ url: "https://93.184.215.14/hooks\u0000", events: [] }, /./],
    ];
    for (const [body, message] of refusals) {
      const answer = await callApi(keyA, endpoints.createWebhookEndpointEndpoint, { body });
      expect(answer.status, answer.text).toBe(400);
      expect(JSON.stringify(answer.json.errors ?? answer.json), answer.text).toMatch(message);
    }
    expect(await prisma.webhookEndpoint.count({ where: { partnerId: a.partner.id } })).toBe(0);
  });
});
