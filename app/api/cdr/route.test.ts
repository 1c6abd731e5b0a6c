import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPartnerKey } from "@/lib/api/keys";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { createPbxApiKey, revokePbxApiKey } from "@/lib/pbx/api-keys";
import { actorOf, makeTenant, makeTenantUser, type Tenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

const enqueueFromApp = vi.fn<(...args: unknown[]) => Promise<void>>(async () => {});
const requestCdrRating = vi.fn(async () => {});
vi.mock("@/lib/jobs/enqueue", () => ({ enqueueFromApp, requestCdrRating }));
const { prisma, url } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { POST } = await import("./route");
const { cdrPool, cdrRatingDb } = await import("@/lib/cdr/import/pool");
const { db } = await import("@/lib/db/client");
afterAll(async () => {
  await cdrPool().end();
  await cdrRatingDb().$disconnect();
  await db().$disconnect();
});

let a: Tenant;
let b: Tenant;
let keyA: string;
beforeAll(async () => {
  a = await makeTenant(prisma);
  b = await makeTenant(prisma);
  const partnerA = actorOf(await makeTenantUser(prisma, "PARTNER", a));
  keyA = (await createPbxApiKey(prisma, partnerA, { pbxId: a.pbx.id, name: "pbx host" })).key;
});

const record = (pbx: string, id: string) => ({
  call_id: id,
  pbx,
  direction: "out",
  from: "+4930901820",
  to: "+4989123456",
  extension: "100",
  started_at: "2026-10-05T09:00:00Z",
  answered_at: "2026-10-05T09:00:05Z",
  duration: 42,
  disposition: "answered",
});
const post = (key: string | null, body: string, contentType = "application/json") =>
  POST(
    new Request("http://localhost/api/cdr", {
      method: "POST",
      headers: { "content-type": contentType, ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body,
    }),
  );

describe("POST /api/cdr", () => {
  it("stores a PBX's JSON records and answers with the report", async () => {
    const response = await post(
      keyA,
      JSON.stringify([
        record(a.pbx.serial, "api-1"),
        record(a.pbx.serial, "api-2"),
        { ...record(a.pbx.serial, "api-3"), to: "+1" },
      ]),
    );
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data).toMatchObject({
      rowsRead: 3,
      rowsStored: 2,
      rowsRefused: 1,
      refused: [{ line: 4, reasons: "to is not a valid E.164 number" }],
    });
    expect(await prisma.callRecord.count({ where: { pbxId: a.pbx.id } })).toBe(2);
    // Rated and rolled up before the answer: the dashboards count them already; the rankings follow as jobs.
    expect(await prisma.callRecord.count({ where: { pbxId: a.pbx.id, ratedAt: null } })).toBe(0);
    const rolledUp = await prisma.callDailyRollup.aggregate({ where: { pbxId: a.pbx.id }, _sum: { calls: true } });
    expect(rolledUp._sum.calls).toBe(2);
    expect(enqueueFromApp.mock.calls.map(([name]) => name)).toEqual([
      "cdr-day-rankings",
      "cdr-rankings",
      "usage-alerts",
    ]);
    expect(requestCdrRating).not.toHaveBeenCalled();
  });

  it("takes CSV too", async () => {
    const csv =
      "call_id,pbx,direction,from,to,extension,started_at,answered_at,duration,disposition\n" +
      `api-csv,${a.pbx.serial},out,+4930901820,+4989123456,101,2026-10-06T09:00:00Z,,0,busy\n`;
    const { data } = await (await post(keyA, csv, "text/csv")).json();
    expect(data).toMatchObject({ rowsStored: 1 });
  });

  it("refuses another PBX's calls posted with this PBX's key", async () => {
    const { data } = await (await post(keyA, JSON.stringify([record(b.pbx.serial, "foreign")]))).json();
    expect(data).toMatchObject({ rowsStored: 0, rowsRefused: 1, report: { "PBX not covered by this API key": 1 } });
    expect(await prisma.callRecord.count({ where: { pbxId: b.pbx.id } })).toBe(0);
  });

  it("answers 401 to a missing, wrong or revoked key", async () => {
    const body = JSON.stringify([record(a.pbx.serial, "x")]);
    expect((await post(null, body)).status).toBe(401);
    expect((await post("csk_not-a-key", body)).status).toBe(401);
    const admin = actorOf(await makeTenantUser(prisma, "ADMIN", a));
    const { id, key } = await createPbxApiKey(prisma, admin, { pbxId: a.pbx.id, name: "to revoke" });
    expect((await post(key, JSON.stringify([record(a.pbx.serial, "before-revoke")]))).status).toBe(200);
    await revokePbxApiKey(prisma, admin, { keyId: id });
    expect((await post(key, body)).status).toBe(401);
  });

  it("answers 400 to a body that is not records", async () => {
    expect((await post(keyA, "{not json")).status).toBe(400);
    expect((await post(keyA, JSON.stringify({ hello: 1 }))).status).toBe(400);
  });
});

describe("API keys", () => {
  it("cannot be created or revoked for another partner's PBX", async () => {
    const partnerB = actorOf(await makeTenantUser(prisma, "PARTNER", b));
    await expect(createPbxApiKey(prisma, partnerB, { pbxId: a.pbx.id, name: "steal" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const keys = await prisma.apiKey.findMany({ where: { pbxId: a.pbx.id, revokedAt: null } });
    await expect(revokePbxApiKey(prisma, partnerB, { keyId: keys[0].id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const endUser = actorOf(await makeTenantUser(prisma, "END_USER", a));
    await expect(createPbxApiKey(prisma, endUser, { pbxId: a.pbx.id, name: "mine" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("records when and from where a key was last used; a partner's API key is not a PBX key", async () => {
    const admin = actorOf(await makeTenantUser(prisma, "ADMIN", a));
    const { id, key } = await createPbxApiKey(prisma, admin, { pbxId: a.pbx.id, name: "addressed" });
    const request = (bearer: string) =>
      POST(
        new Request("http://localhost/api/cdr", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${bearer}`,
            [CLIENT_ADDRESS_HEADER]: "203.0.113.9",
          },
          body: JSON.stringify([record(a.pbx.serial, "addressed")]),
        }),
      );
    expect((await request(key)).status).toBe(200);
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: "PBX", partnerId: a.partner.id, lastUsedFrom: "203.0.113.9" });
    expect(row.lastUsedAt).not.toBeNull();

    const partnerAdmin = await makeTenantUser(prisma, "PARTNER", a);
    await prisma.user.update({ where: { id: partnerAdmin.id }, data: { isPartnerAdmin: true } });
    const partnerKey = await createPartnerKey(prisma, actorOf({ ...partnerAdmin, isPartnerAdmin: true }), {
      name: "crm",
      scopes: ["records:write"],
    });
    expect((await request(partnerKey.key)).status).toBe(401);
  });

  it("stores only a hash of the key", async () => {
    const row = await prisma.apiKey.findFirstOrThrow({ where: { pbxId: a.pbx.id, name: "pbx host" } });
    expect(keyA.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(12);
    expect(row.hash).toBe(createHash("sha256").update(keyA).digest("hex"));
  });
});
