import { afterAll, describe, expect, it } from "vitest";
import type { ApiScope } from "@/lib/api/scopes";
import { makeOrderablePbx } from "@/lib/testing/api-fixtures-numbers";
import { actorOf, makeNumbers, makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

// The numbers of /api/v1 through the exported route handlers with real keys; the process-wide db()
// points at this file's database (the file runs isolated). A partner holds at most 50 numbers here.
const { prisma, url } = await createTestDatabase();
Object.assign(process.env, { DATABASE_URL: url, NUMBER_HOLD_MAX_NUMBERS: "50" });
const { callApi } = await import("@/lib/api/testing/call-api");
const endpoints = await import("@/lib/api/endpoints/numbers");
const { createPartnerKey } = await import("@/lib/api/keys");
const { requestHash } = await import("@/lib/numbers/idempotency");
const { ZOrderNumbers } = await import("@/lib/numbers/schemas");
const { db } = await import("@/lib/db/client");
afterAll(() => db().$disconnect());
const { listNumbersEndpoint: list, listNumberProductsEndpoint: products } = endpoints;
const { searchAvailabilityEndpoint: search, holdNumbersEndpoint: hold, orderNumbersEndpoint: order } = endpoints;
const { getNumberOrderEndpoint: readOrder, releaseNumberEndpoint: release } = endpoints;

const { a, b } = await makeTwoTenants(prisma);

async function makeKey(partner: { id: string }, scopes: ApiScope[] = ["numbers:write"]) {
  const user = await makeUser(prisma, "PARTNER", { partnerId: partner.id });
  const partnerAdmin = actorOf(await prisma.user.update({ where: { id: user.id }, data: { isPartnerAdmin: true } }));
  return (await createPartnerKey(prisma, partnerAdmin, { name: "Provisioning", scopes })).key;
}
const keyA = await makeKey(a.partner);
const keyB = await makeKey(b.partner);

// A's PBX with CLASSOUND and a range of 100 free Berlin numbers only this file's searches match.
const { pbx, first } = await makeOrderablePbx(prisma, a);
const ofB = await makeOrderablePbx(prisma, b);
const prefix = first.slice(1, -4);
const berlin = { pbxId: pbx.id, countryCode: "DE", type: "GEOGRAPHIC", areaName: "Berlin", pattern: `${prefix}*` };
const onPbx = () => prisma.phoneNumber.count({ where: { pbxId: pbx.id, status: "ASSIGNED" } });
const key = () => crypto.randomUUID();

describe("what can be ordered, and what is free", () => {
  it("lists the partner's prices and the free blocks per area for its PBX", async () => {
    const answer = await callApi(keyA, products, { query: { pbxId: pbx.id } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json.currency).toBe("EUR");
    const german = answer.json.products.find((p: { countryCode: string }) => p.countryCode === "DE");
    expect(german).toMatchObject({ type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20", perMinute: null });
    expect(german.stock.areas).toContainEqual({
      areaName: "Berlin",
      blocks: expect.objectContaining({ "100": expect.any(Number) }),
    });
    expect((await callApi(keyB, products, { query: { pbxId: pbx.id } })).status).toBe(404);
    // R6: numbers hang off an active service.
    const inactive = await callApi(keyA, products, { query: { pbxId: a.pbx.id } });
    expect([inactive.status, inactive.json.detail]).toEqual([409, expect.stringContaining("not active")]);
  });

  it("searches free blocks by area, digits and block size", async () => {
    const answer = await callApi(keyA, search, { query: { ...berlin, blockSize: "100" } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toEqual({ areas: [{ areaName: "Berlin", blocks: { "1": 100, "10": 10, "100": 1 } }] });
    const elsewhere = await callApi(keyA, search, { query: { ...berlin, areaName: "Hamburg" } });
    expect(elsewhere.json).toEqual({ areas: [] });
    expect((await callApi(keyB, search, { query: berlin })).status).toBe(404);
  });

  it("names each malformed parameter", async () => {
    const answer = await callApi(keyA, search, {
      query: { ...berlin, type: "DID", blockSize: "7", pattern: "49-30", countryCode: "Germany" },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.json.errors).sort()).toEqual(["blockSize", "countryCode", "pattern", "type"]);
  });
});

describe("holds, and orders with an Idempotency-Key", () => {
  it("holds blocks with the partner's quote, within the hold limits", async () => {
    const held = await callApi(keyA, hold, { body: { ...berlin, blockSize: 10, blockCount: 2 } });
    expect(held.status, held.text).toBe(201);
    expect(held.json.blocks).toEqual([
      { firstE164: `+${prefix}0000`, lastE164: `+${prefix}0009` },
      { firstE164: `+${prefix}0010`, lastE164: `+${prefix}0019` },
    ]);
    expect(held.json.quote).toMatchObject({ currency: "EUR", total: expect.stringMatching(/^\d+\.\d{2}$/) });
    expect(held.json.quote.lines.length).toBeGreaterThan(0);
    // Nobody else sees the held blocks as free.
    const forB = await callApi(keyB, search, { query: { ...berlin, pbxId: ofB.pbx.id } });
    expect(forB.json.areas[0].blocks).toEqual({ "1": 80, "10": 8, "100": 0 });
    const overCap = await callApi(keyA, hold, { body: { ...berlin, blockSize: 100, blockCount: 1 } });
    expect([overCap.status, overCap.json.detail]).toEqual([409, expect.stringContaining("at most 50 numbers")]);
    expect((await callApi(keyB, hold, { body: { ...berlin, blockSize: 1, blockCount: 1 } })).status).toBe(404);
  });

  it("orders once per key: the same key and body replay the first answer, another body is 422", async () => {
    const held = await callApi(keyA, hold, { body: { ...berlin, blockSize: 10, blockCount: 1 } });
    const body = { ...berlin, blockSize: 10, blockCount: 1, holdId: held.json.holdId };
    const idempotencyKey = key();
    const headers = { "Idempotency-Key": idempotencyKey };
    const firstAnswer = await callApi(keyA, order, { body, headers });
    expect(firstAnswer.status, firstAnswer.text).toBe(201);
    expect(firstAnswer.json).toEqual({
      orderId: expect.any(String),
      blocks: [{ firstE164: held.json.blocks[0].firstE164, lastE164: held.json.blocks[0].lastE164, size: 10 }],
      chargeTotal: held.json.quote.total,
      currency: "EUR",
    });
    expect(firstAnswer.response.headers.get("idempotent-replayed")).toBeNull();
    const again = await callApi(keyA, order, { body, headers });
    expect([again.status, again.text]).toEqual([201, firstAnswer.text]);
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    expect(await prisma.numberOrder.count({ where: { partnerId: a.partner.id, idempotencyKey } })).toBe(1);
    expect(await onPbx()).toBe(10);

    const other = await callApi(keyA, order, { body: { ...body, blockCount: 2 }, headers });
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({
      status: 422,
      code: "INVALID",
      detail: expect.stringContaining("different request"),
    });
    expect(await onPbx()).toBe(10);

    const placed = await callApi(keyA, readOrder, { params: { id: firstAnswer.json.orderId } });
    expect(placed.status, placed.text).toBe(200);
    expect(placed.json).toMatchObject({ status: "COMPLETED", pbx: { id: pbx.id }, blockSize: 10, blockCount: 1 });
    expect(placed.json.blocks[0].numbers).toHaveLength(10);
    expect(placed.json.charges.total).toBe(firstAnswer.json.chargeTotal);
    expect((await callApi(keyB, readOrder, { params: { id: firstAnswer.json.orderId } })).status).toBe(404);
  });

  it("answers 409 while the first request with a key is still running", async () => {
    const body = { ...berlin, blockSize: 1, blockCount: 1 };
    const idempotencyKey = key();
    const parsed = ZOrderNumbers.omit({ idempotencyKey: true }).parse(body);
    await prisma.idempotencyRecord.create({
      data: {
        partnerId: a.partner.id,
        scope: "numbers.order",
        key: idempotencyKey,
        requestHash: requestHash(parsed),
        state: "IN_PROGRESS",
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const answer = await callApi(keyA, order, { body, headers: { "Idempotency-Key": idempotencyKey } });
    expect([answer.status, answer.json.code]).toEqual([409, "CONFLICT"]);
  });

  it("leaves nothing half-allocated when an order cannot be filled, and the key may be used again", async () => {
    const before = await onPbx();
    const idempotencyKey = key();
    const tooMany = await callApi(keyA, order, {
      body: { ...berlin, blockSize: 10, blockCount: 10 },
      headers: { "Idempotency-Key": idempotencyKey },
    });
    expect([tooMany.status, tooMany.json.detail]).toEqual([409, expect.stringContaining("you asked for 10")]);
    expect(await onPbx()).toBe(before);
    expect(await prisma.numberOrder.count({ where: { idempotencyKey } })).toBe(0);
    const retry = await callApi(keyA, order, {
      body: { ...berlin, blockSize: 10, blockCount: 2 },
      headers: { "Idempotency-Key": idempotencyKey },
    });
    expect(retry.status, retry.text).toBe(201);
    expect(await onPbx()).toBe(before + 20);
  });

  it("refuses a missing or malformed key, a malformed body, and another partner's PBX", async () => {
    const body = { ...berlin, blockSize: 1, blockCount: 1 };
    const missing = await callApi(keyA, order, { body });
    expect([missing.status, Object.keys(missing.json.errors)]).toEqual([400, ["Idempotency-Key"]]);
    const short = await callApi(keyA, order, { body, headers: { "Idempotency-Key": "abc" } });
    expect(Object.keys(short.json.errors)).toEqual(["Idempotency-Key"]);
    const malformed = await callApi(keyA, order, {
      body: { ...body, blockSize: 7, blockCount: 0, holdId: "x" },
      headers: { "Idempotency-Key": key() },
    });
    expect(Object.keys(malformed.json.errors).sort()).toEqual(["blockCount", "blockSize", "holdId"]);
    const before = await prisma.phoneNumber.count({ where: { status: "ASSIGNED" } });
    const foreign = await callApi(keyB, order, { body, headers: { "Idempotency-Key": key() } });
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(pbx.name);
    expect(await prisma.phoneNumber.count({ where: { status: "ASSIGNED" } })).toBe(before);
    const reader = await makeKey(a.partner, ["numbers:read"]);
    expect((await callApi(reader, order, { body, headers: { "Idempotency-Key": key() } })).status).toBe(403);
  });
});

describe("the partner's numbers", () => {
  it("pages through them in E.164 order with the numbers page's filters; another partner sees none", async () => {
    const ordered = await prisma.phoneNumber.findMany({ where: { pbxId: pbx.id }, orderBy: { e164: "asc" } });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await callApi(keyA, list, { query: { pbxId: pbx.id, limit: "7", ...(cursor ? { cursor } : {}) } });
      expect(page.status, page.text).toBe(200);
      seen.push(...page.json.data.map((n: { e164: string }) => n.e164));
      cursor = page.json.next ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ordered.map((n) => n.e164));
    const [one] = (await callApi(keyA, list, { query: { q: ordered[3].e164.slice(-8) } })).json.data;
    expect(one).toEqual({
      id: ordered[3].id,
      e164: ordered[3].e164,
      countryCode: "DE",
      type: "GEOGRAPHIC",
      status: "ASSIGNED",
      areaName: "Berlin",
      pbxId: pbx.id,
      cnam: null,
      emergencyStatus: "NO_LOCATION",
      assignedAt: expect.any(String),
    });
    const italian = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 2, "IT");
    const filtered = await callApi(keyA, list, {
      query: { countryCode: "IT", type: "GEOGRAPHIC", status: "ASSIGNED" },
    });
    expect(filtered.json.data.map((n: { id: string }) => n.id)).toEqual(italian.map((n) => n.id));
    const forB = await callApi(keyB, list, { query: { pbxId: pbx.id } });
    expect([forB.status, forB.json.data]).toEqual([200, []]);
    for (const [query, field] of [
      [{ cursor: "W10" }, "cursor"],
      [{ countryCode: "de" }, "countryCode"],
      [{ status: "SOLD" }, "status"],
    ] as const) {
      const refused = await callApi(keyA, list, { query });
      expect([refused.status, Object.keys(refused.json.errors)]).toEqual([400, [field]]);
    }
  });

  it("releases a number into quarantine; another partner's, or one released already, is not found", async () => {
    const [number] = await prisma.phoneNumber.findMany({ where: { pbxId: pbx.id }, orderBy: { e164: "asc" }, take: 1 });
    expect((await callApi(keyB, release, { params: { id: number.id } })).status).toBe(404);
    const answer = await callApi(keyA, release, { params: { id: number.id } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json).toEqual({ id: number.id, e164: number.e164, quarantineUntil: expect.any(String) });
    expect(await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number.id } })).toMatchObject({
      status: "QUARANTINE",
      pbxId: null,
    });
    expect((await callApi(keyA, release, { params: { id: number.id } })).status).toBe(404);
  });
});
