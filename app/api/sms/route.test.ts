import { beforeAll, describe, expect, it, vi } from "vitest";
import { createPbxApiKey } from "@/lib/pbx/api-keys";
import { actorOf, makeTenant, makeTenantUser, type Tenant } from "@/lib/testing/fixtures";
import { processTestDatabase } from "@/lib/testing/process-database";

// Points db() and the import pool at this file's database: runs isolated (vitest.config.ts ISOLATED).
const requestCdrRating = vi.fn(async () => {});
const enqueueFromApp = vi.fn<(...args: unknown[]) => Promise<void>>(async () => {});
vi.mock("@/lib/jobs/enqueue", () => ({ enqueueFromApp, requestCdrRating }));
const { prisma } = await processTestDatabase();
const { POST } = await import("./route");

let a: Tenant;
let key: string;
beforeAll(async () => {
  a = await makeTenant(prisma);
  key = (
    await createPbxApiKey(prisma, actorOf(await makeTenantUser(prisma, "PARTNER", a)), { pbxId: a.pbx.id, name: "pbx" })
  ).key;
});

const message = (id: string) => ({
  message_id: id,
  pbx: a.pbx.serial,
  direction: "out",
  from: "+4930901820",
  to: "+4915112345678",
  extension: "100",
  sent_at: "2026-10-05T09:00:00Z",
  segments: 2,
});
// No Origin header, as a PBX sends it: the key is the credential.
const post = (authorization: string | null, body: string) =>
  POST(
    new Request("http://localhost/api/sms", {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body,
    }),
  );

describe("POST /api/sms", () => {
  it("stores a PBX's SMS without an Origin, rates them and answers the report", async () => {
    const response = await post(`Bearer ${key}`, JSON.stringify([message("m-1"), { ...message("m-2"), segments: 11 }]));
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data).toMatchObject({
      rowsStored: 1,
      rowsRefused: 1,
      refused: [{ line: 3, reasons: "segments is not a whole number from 1 to 10" }],
    });
    expect(await prisma.smsRecord.count({ where: { pbxId: a.pbx.id } })).toBe(1);
    expect(await prisma.smsRecord.count({ where: { pbxId: a.pbx.id, ratedAt: null } })).toBe(0);
    expect(enqueueFromApp).toHaveBeenCalledWith("usage-alerts", { month: "2026-10-01" }, "2026-10");
    expect(requestCdrRating).not.toHaveBeenCalled();
  });

  it("answers 401 to a missing or wrong key and 400 to a body it cannot read, never 500", async () => {
    const body = JSON.stringify([message("m-3")]);
    expect((await post(null, body)).status).toBe(401);
    expect((await post("Bearer csk_wrong", body)).status).toBe(401);
    for (const bad of [
      "{not json",
      JSON.stringify({ messages: "many" }),
      JSON.stringify([{ message_id: { $gt: "" } }]),
    ])
      expect((await post(`Bearer ${key}`, bad)).status).toBe(400);
    expect(await prisma.smsRecord.count({ where: { pbxId: a.pbx.id } })).toBe(1);
  });
});
