import { afterAll, describe, expect, it } from "vitest";
import { newApiKey } from "@/lib/api/key-secret";
import type { ApiScope } from "@/lib/api/scopes";
import { makeCustomer, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

// The /api/v1 wrapper and its first endpoints, through the exported route handlers with real keys:
// no mocks, the process-wide db() points at this file's database (so the file runs isolated).
const { prisma, url } = await createTestDatabase();
process.env.DATABASE_URL = url;
const customersRoute = await import("./customers/route");
const pbxsRoute = await import("./pbxs/route");
const pbxRoute = await import("./pbxs/[id]/route");
const { apiRoute } = await import("@/lib/api/api-route");
const { listPbxsEndpoint, pbxsPage } = await import("@/lib/api/endpoints/pbxs");
const { db } = await import("@/lib/db/client");
afterAll(() => db().$disconnect());

const { a, b } = await makeTwoTenants(prisma);
const ALL: ApiScope[] = ["customers:write", "pbxs:write"];

async function makeKey(
  tenant: typeof a,
  scopes: ApiScope[] = ALL,
  extra: { revokedAt?: Date; expiresAt?: Date; kind?: "PBX" } = {},
) {
  const { key, prefix, hash } = newApiKey();
  const { kind = "PARTNER", ...dates } = extra;
  await prisma.apiKey.create({
    data: {
      kind,
      partnerId: tenant.partner.id,
      pbxId: kind === "PBX" ? tenant.pbx.id : null,
      name: `key ${prefix}`,
      prefix,
      hash,
      scopes: kind === "PBX" ? [] : scopes,
      createdById: tenant.partnerActor.userId,
      ...dates,
    },
  });
  return key;
}

const keyA = await makeKey(a);
const keyB = await makeKey(b);
const readOnlyA = await makeKey(a, ["customers:read", "pbxs:read"]);

type Call = { method: string; path: string; body?: unknown; headers?: Record<string, string> };
const BASE = "http://portal.test/api/v1";

async function call(key: string | null, { method, path, body, headers = {} }: Call) {
  const request = new Request(BASE + path, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const pathname = new URL(request.url).pathname;
  const id = /^\/api\/v1\/pbxs\/([^/]+)$/.exec(pathname)?.[1];
  const context = { params: Promise.resolve(id ? { id: decodeURIComponent(id) } : {}) };
  const handler = pathname.startsWith("/api/v1/customers")
    ? customersRoute.GET
    : id
      ? pbxRoute.GET
      : method === "POST"
        ? pbxsRoute.POST
        : pbxsRoute.GET;
  const response = await handler(request, context);
  const text = await response.text();
  return { response, text, json: text ? JSON.parse(text) : null };
}

let serials = 0;
const registration = (overrides: Record<string, unknown> = {}) => ({
  customerId: a.customer.id,
  serial: `CS-API-${String(++serials).padStart(4, "0")}`,
  name: "Hamburg office",
  licensing: "PER_USER",
  licensePlan: "YEARLY",
  termStart: "2026-05-01",
  termEnd: "2027-05-01",
  basic: 4,
  essential: 0,
  business: 2,
  premium: 0,
  softwareVersion: "6.01.20240310.2",
  ...overrides,
});

const OPERATIONS: Call[] = [
  { method: "GET", path: "/customers" },
  { method: "GET", path: "/pbxs" },
  { method: "GET", path: `/pbxs/${a.pbx.id}` },
  { method: "POST", path: "/pbxs", body: registration() },
];

function expectProblem(result: Awaited<ReturnType<typeof call>>, status: number) {
  expect(result.response.status).toBe(status);
  expect(result.response.headers.get("content-type")).toBe("application/problem+json");
  expect(result.json).toMatchObject({ status, type: expect.stringMatching(/^\/api\/docs#problem-/) });
  expect(typeof result.json.title).toBe("string");
  expect(typeof result.json.detail).toBe("string");
  // Nothing of tenant A's in any refusal.
  for (const secret of [a.pbx.serial, a.pbx.name, a.customer.name]) expect(result.text).not.toContain(secret);
}

describe("who may call /api/v1", async () => {
  const refused: [string, string | null, Record<string, string>?][] = [
    ["no key", null],
    [
      "only the portal's session cookie",
      null,
      { cookie: "next-auth.session-token=anything", origin: "http://portal.test" },
    ],
    ["a malformed key", "not-a-key"],
    ["an unknown key", newApiKey().key],
    ["a revoked key", await makeKey(a, ALL, { revokedAt: new Date() })],
    ["an expired key", await makeKey(a, ALL, { expiresAt: new Date(Date.now() - 1000) })],
    ["a PBX's key", await makeKey(a, [], { kind: "PBX" })],
  ];
  it.each(refused)("refuses %s on every endpoint with 401 and stores nothing", async (_, key, headers) => {
    const before = await prisma.pbx.count();
    for (const operation of OPERATIONS) {
      const result = await call(key, { ...operation, headers });
      expectProblem(result, 401);
      expect(result.response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(await prisma.pbx.count()).toBe(before);
  });

  it("refuses a read-only key on a write with 403, and lets it read", async () => {
    const result = await call(readOnlyA, { method: "POST", path: "/pbxs", body: registration() });
    expectProblem(result, 403);
    expect(result.json.detail).toContain("pbxs:write");
    expect((await call(readOnlyA, { method: "GET", path: `/pbxs/${a.pbx.id}` })).response.status).toBe(200);
  });

  it("refuses a key without the area's scope", async () => {
    const customersOnly = await makeKey(a, ["customers:read"]);
    expectProblem(await call(customersOnly, { method: "GET", path: "/pbxs" }), 403);
    expect((await call(customersOnly, { method: "GET", path: "/customers" })).response.status).toBe(200);
  });

  it("shows another partner's rows to no one: 404 by id, absent from lists, not registrable", async () => {
    expectProblem(await call(keyB, { method: "GET", path: `/pbxs/${a.pbx.id}` }), 404);
    const pbxs = await call(keyB, { method: "GET", path: "/pbxs?limit=200" });
    expect(pbxs.json.data.map((p: { id: string }) => p.id)).toEqual([b.pbx.id]);
    const customers = await call(keyB, { method: "GET", path: "/customers?status=all" });
    expect(customers.json.data.map((c: { id: string }) => c.id)).toEqual([b.customer.id]);
    const filtered = await call(keyB, { method: "GET", path: `/pbxs?customerId=${a.customer.id}` });
    expect(filtered.json).toEqual({ data: [], next: null });
    const before = await prisma.pbx.count();
    const register = await call(keyB, { method: "POST", path: "/pbxs", body: registration() });
    expectProblem(register, 404);
    expect(register.json.errors).toHaveProperty("customerId");
    expect(await prisma.pbx.count()).toBe(before);
  });

  it.each(["nope", "c" + "x".repeat(40), "%00", "' OR 1=1 --"])("answers a malformed id (%s) with 404", async (id) => {
    expectProblem(await call(keyA, { method: "GET", path: `/pbxs/${encodeURIComponent(id)}` }), 404);
  });
});

describe("the endpoints", () => {
  it("reads a PBX, as the list shows it", async () => {
    const one = await call(keyA, { method: "GET", path: `/pbxs/${a.pbx.id}` });
    expect(one.response.status).toBe(200);
    expect(one.response.headers.get("content-type")).toBe("application/json");
    expect(one.json).toMatchObject({
      id: a.pbx.id,
      serial: a.pbx.serial,
      customerId: a.customer.id,
      licensePlan: "YEARLY",
      termStart: "2026-05-01",
      termExpiry: "2027-05-01",
      users: { basic: 3, essential: 0, business: 1, premium: 0 },
      serviceStatus: null,
    });
    const list = await call(keyA, { method: "GET", path: `/pbxs?customerId=${a.customer.id}` });
    expect(list.json.data).toContainEqual(one.json);
  });

  it("registers a PBX through the portal's function (201, audited), and refuses a taken serial with 409", async () => {
    const body = registration();
    const created = await call(keyA, { method: "POST", path: "/pbxs", body });
    expect(created.response.status).toBe(201);
    expect(created.json).toMatchObject({
      serial: body.serial,
      users: { basic: 4, business: 2 },
      customerId: a.customer.id,
    });
    const audit = await prisma.auditLog.findFirst({ where: { action: "pbx.registered", entityId: created.json.id } });
    expect(audit).not.toBeNull();
    const again = await call(keyA, { method: "POST", path: "/pbxs", body });
    expectProblem(again, 409);
    expect(again.json.errors).toEqual({ serial: [expect.any(String)] });
  });

  it("answers bad bodies with 400 (each field named), 413 past the cap, never 500", async () => {
    const invalid = await call(keyA, {
      method: "POST",
      path: "/pbxs",
      body: registration({ serial: "!", termEnd: "2027-02-31", basic: -1, name: "nul\u0000" }),
    });
    expectProblem(invalid, 400);
    expect(invalid.json.code).toBe("INVALID");
    expect(Object.keys(invalid.json.errors).length).toBeGreaterThan(0);
    const fields = await call(keyA, { method: "POST", path: "/pbxs", body: registration({ serial: "!", basic: -1 }) });
    expect(Object.keys(fields.json.errors).sort()).toEqual(["basic", "serial"]);
    for (const body of ["{not json", "", "null", "[]", '"text"'])
      expectProblem(await call(keyA, { method: "POST", path: "/pbxs", body }), 400);
    expectProblem(
      await call(keyA, { method: "POST", path: "/pbxs", body: "serial=1", headers: { "content-type": "text/plain" } }),
      400,
    );
    const huge = JSON.stringify(registration({ name: "x".repeat(1024 * 1024) }));
    expectProblem(await call(keyA, { method: "POST", path: "/pbxs", body: huge }), 413);
  });

  it("refuses bad query parameters beside the parameter", async () => {
    for (const query of [
      "limit=0",
      "limit=201",
      "limit=abc",
      "limit=1.5",
      "customerId=x",
      "limit=5&limit=6",
      "q=%00",
    ]) {
      const result = await call(keyA, { method: "GET", path: `/pbxs?${query}` });
      expectProblem(result, 400);
      expect(Object.keys(result.json.errors)).toEqual([query.split("=")[0]]);
    }
    expectProblem(await call(keyA, { method: "GET", path: "/customers?status=deleted" }), 400);
  });
});

describe("cursor paging", async () => {
  const partner = await makeTwoTenants(prisma);
  const tenant = partner.a;
  const key = await makeKey(tenant);
  const customers = await Promise.all([
    makeCustomer(prisma, tenant.partner.id),
    makeCustomer(prisma, tenant.partner.id),
  ]);
  // Many share a creation instant, so the id must break ties for no row to be skipped or repeated.
  const sameInstant = new Date("2026-06-01T10:00:00Z");
  await prisma.pbx.createMany({
    data: Array.from({ length: 119 }, (_, i) => ({
      serial: `CS-PAGE-${tenant.partner.id.slice(-6)}-${i}`.toUpperCase(),
      name: `Paged ${i}`,
      customerId: customers[i % 2]!.id,
      licensePlan: "YEARLY" as const,
      termStart: new Date("2026-05-01Z"),
      termExpiry: new Date("2027-05-01Z"),
      softwareVersion: "6.01",
      createdAt: i % 3 ? sameInstant : new Date(sameInstant.getTime() + i * 1000),
    })),
  });
  const expected = (await prisma.pbx.findMany({ where: { customer: { partnerId: tenant.partner.id } } })).map(
    (p) => p.id,
  );

  async function walk(path: string) {
    const pages: string[][] = [];
    let next: string | null = null;
    do {
      const separator = path.includes("?") ? "&" : "?";
      const result = await call(key, { method: "GET", path: next ? `${path}${separator}cursor=${next}` : path });
      expect(result.response.status).toBe(200);
      pages.push(result.json.data.map((p: { id: string }) => p.id));
      next = result.json.next;
    } while (next);
    return pages;
  }

  it("returns each of 120 PBXs exactly once, 50 a page by default", async () => {
    expect(expected).toHaveLength(120);
    const pages = await walk("/pbxs");
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(pages.flat().sort()).toEqual([...expected].sort());
  });

  it("keeps a filter across pages", async () => {
    const pages = await walk(`/pbxs?limit=7&customerId=${customers[0]!.id}`);
    expect(pages.flat()).toHaveLength(60);
    expect(new Set(pages.flat()).size).toBe(60);
  });

  it("refuses a malformed or tampered cursor with 400, never 500", async () => {
    const tampered = Buffer.from(JSON.stringify(["not a date", "x"])).toString("base64url");
    for (const cursor of ["%%%", "abc", tampered, Buffer.from('{"a":1}').toString("base64url"), "A".repeat(600)]) {
      const result = await call(key, { method: "GET", path: `/pbxs?cursor=${encodeURIComponent(cursor)}` });
      expectProblem(result, 400);
      expect(result.json.errors).toEqual({ cursor: [expect.any(String)] });
    }
  });
});

describe("rate limit", () => {
  const limited = apiRoute(listPbxsEndpoint, ({ db, actor, query }) => pbxsPage(db, actor, query), { rateLimit: 3 });
  const get = (key: string) =>
    limited(new Request(`${BASE}/pbxs`, { headers: { authorization: `Bearer ${key}` } }), {
      params: Promise.resolve({}),
    });

  it("says the limit on every answer and refuses past it with 429 and Retry-After", async () => {
    const key = await makeKey(a);
    const answers = [await get(key), await get(key), await get(key), await get(key)];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((r) => r.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    for (const answer of answers) {
      expect(answer.headers.get("ratelimit-limit")).toBe("3");
      expect(Number(answer.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
      expect(Number(answer.headers.get("ratelimit-reset"))).toBeLessThanOrEqual(60);
    }
    const refused = answers[3]!;
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    // Another key has its own window.
    expect((await get(await makeKey(a))).status).toBe(200);
  });

  it("keeps only the current window of a key", async () => {
    const key = await makeKey(a);
    await get(key);
    const row = await prisma.apiKey.findUniqueOrThrow({
      where: { hash: (await import("@/lib/api/key-secret")).hashApiKey(key) },
    });
    await prisma.apiRateWindow.create({ data: { keyId: row.id, windowStart: new Date("2026-01-01Z"), count: 5 } });
    await prisma.apiRateWindow.updateMany({
      where: { keyId: row.id, windowStart: { gt: new Date("2026-01-02Z") } },
      data: { windowStart: new Date(Date.now() - 120_000) },
    });
    await get(key);
    expect(await prisma.apiRateWindow.count({ where: { keyId: row.id } })).toBe(1);
  });
});

describe("an unexpected failure", () => {
  it("is a 500 problem that tells nothing of the internals", async () => {
    const broken = apiRoute(listPbxsEndpoint, async () => {
      throw new Error("connection to 10.0.0.5 failed: password hunter2");
    });
    const original = console.error;
    console.error = () => {};
    const response = await broken(new Request(`${BASE}/pbxs`, { headers: { authorization: `Bearer ${keyA}` } }), {
      params: Promise.resolve({}),
    }).finally(() => (console.error = original));
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const text = await response.text();
    expect(text).not.toMatch(/10\.0\.0\.5|hunter2|Error/);
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: "INTERNAL", instance: "/api/v1/pbxs" });
  });
});
