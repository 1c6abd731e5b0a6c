import { afterAll, describe, expect, it } from "vitest";
import { storedSms } from "@/lib/testing/api-fixtures-records";
import { storedCall } from "@/lib/testing/calls";
import { makeCustomer, makePbx, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

// GET /api/v1/calls and /sms through the exported route handlers with real keys; the process-wide
// db() points at this file's database (so the file runs isolated, vitest.config.ts).
const { prisma, url } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { makePartnerApiKey } = await import("@/lib/testing/api-keys");
const { callApi } = await import("@/lib/api/testing/call-api");
const { listCallsEndpoint, listSmsEndpoint } = await import("@/lib/api/endpoints/records");
const { db } = await import("@/lib/db/client");
afterAll(() => db().$disconnect());

const { a, b } = await makeTwoTenants(prisma);
const keyA = await makePartnerApiKey(prisma, a.partner, ["records:read"]);
const keyB = await makePartnerApiKey(prisma, b.partner, ["records:read"]);
// A second customer and PBX of A's, for the customer and PBX filters.
const otherCustomer = await makeCustomer(prisma, a.partner.id);
const otherPbx = await makePbx(prisma, otherCustomer.id);
const a2 = { partner: a.partner, customer: otherCustomer, pbx: otherPbx };

const rated = { ratedAt: new Date("2026-10-06T00:00:00Z"), cost: "0.01200", endUserCost: "0.02000" };
// Berlin is UTC+2 until 25 October: 30 September 22:30 UTC is already October there.
const CALLS = {
  firstOfOctober: storedCall(a, { startedAt: new Date("2026-09-30T22:30:00Z"), ...rated }),
  lastOfSeptember: storedCall(a, { startedAt: new Date("2026-09-30T21:30:00Z"), ...rated }),
  unrated: storedCall(a, {
    startedAt: new Date("2026-10-05T09:00:00Z"),
    cost: null,
    ratedAt: new Date("2026-10-06T00:00:00Z"),
    unratedReason: "NO_RATE",
    countryCode: "DE",
    area: 2,
  }),
  // Placed anew after a first rating: what it cost before is no price.
  notYetRated: storedCall(a, { startedAt: new Date("2026-10-07T10:00:00Z"), cost: "0.50000", ratedAt: null }),
  inbound: storedCall(a, {
    startedAt: new Date("2026-10-08T10:00:00Z"),
    direction: "INBOUND",
    fromE164: "+441632960000",
    toE164: "+4930901820",
    didE164: "+4930901820",
    ...rated,
  }),
  otherPbx: storedCall(a2, { startedAt: new Date("2026-10-09T10:00:00Z"), toE164: "+33142000000", ...rated }),
  ofB: storedCall(b, { startedAt: new Date("2026-10-05T09:00:00Z"), ...rated }),
};
await prisma.callRecord.createMany({ data: Object.values(CALLS) });
const stored = await prisma.callRecord.findMany({ select: { id: true, externalId: true } });
const idOf = Object.fromEntries(
  Object.entries(CALLS).map(([name, call]) => [
    name,
    stored.find((s) => s.externalId === call.externalId)!.id.toString(),
  ]),
) as Record<keyof typeof CALLS, string>;

/** What a record of A's PBX carries as stored (lib/testing/calls.ts). */
const SENT_BY_A = {
  customerId: a.customer.id,
  pbxId: a.pbx.id,
  direction: "OUTBOUND",
  fromE164: "+4930901820",
  toE164: "+4989123456",
  extension: "100",
};
const ids = (answer: { json: { data: { id: string }[] } }) => answer.json.data.map((row) => row.id);
const calls = (query: Record<string, string>, key = keyA) => callApi(key, listCallsEndpoint, { query });

describe("GET /api/v1/calls", () => {
  it("answers each call with the prices the partner sees in the portal, and why an unpriced one has none", async () => {
    const answer = await calls({ month: "2026-10" });
    expect(answer.status, answer.text).toBe(200);
    expect(ids(answer)).toEqual([idOf.firstOfOctober, idOf.unrated, idOf.notYetRated, idOf.inbound, idOf.otherPbx]);
    expect(answer.json.next).toBeNull();
    const [first, unrated, notYetRated] = answer.json.data;
    expect(first).toEqual({
      id: idOf.firstOfOctober,
      externalId: CALLS.firstOfOctober.externalId,
      ...SENT_BY_A,
      startedAt: "2026-09-30T22:30:00.000Z",
      answeredAt: null,
      didE164: null,
      countryCode: null,
      area: null,
      disposition: "ANSWERED",
      durationSeconds: 60,
      billedSeconds: 0,
      currency: "EUR",
      prices: { purchase: "0.01200", endUser: "0.02000" },
      notRated: null,
    });
    expect(unrated).toMatchObject({
      prices: { purchase: null, endUser: null },
      notRated: { reason: "NO_RATE", text: expect.stringMatching(/^Not rated: the price list has no rate/) },
    });
    expect(notYetRated).toMatchObject({
      prices: { purchase: null, endUser: null },
      notRated: { reason: null, text: "Not rated yet" },
    });
    expect(answer.text).not.toContain(CALLS.ofB.externalId);
  });

  it("filters as the statistics pages do, in the partner's calendar", async () => {
    const cases: [Record<string, string>, (keyof typeof CALLS)[]][] = [
      [{ month: "2026-09" }, ["lastOfSeptember"]],
      [{ from: "2026-10-01", to: "2026-10-05" }, ["firstOfOctober", "unrated"]],
      [{ from: "2026-09-30", to: "2026-09-30" }, ["lastOfSeptember"]],
      [{ month: "2026-10", customerId: otherCustomer.id }, ["otherPbx"]],
      [{ month: "2026-10", pbxId: a.pbx.id, direction: "INBOUND" }, ["inbound"]],
      [{ month: "2026-10", area: "2" }, ["unrated"]],
      [{ month: "2026-10", number: "+44 1632" }, ["inbound"]],
      [{ month: "2026-10", number: "3314" }, ["otherPbx"]],
      [{ month: "2026-10", rated: "true" }, ["firstOfOctober", "inbound", "otherPbx"]],
      [{ month: "2026-10", rated: "false" }, ["unrated", "notYetRated"]],
      [{ month: "2026-11" }, []],
    ];
    for (const [query, expected] of cases) {
      const answer = await calls(query);
      expect(answer.status, `${JSON.stringify(query)}: ${answer.text}`).toBe(200);
      expect(ids(answer), JSON.stringify(query)).toEqual(expected.map((name) => idOf[name]));
    }
  });

  it("shows another partner nothing of A's: its own calls only, and A's customer or PBX is 404", async () => {
    expect(ids(await calls({ month: "2026-10" }, keyB))).toEqual([idOf.ofB]);
    for (const [name, id] of [
      ["customerId", a.customer.id],
      ["pbxId", a.pbx.id],
    ]) {
      const answer = await calls({ month: "2026-10", [name!]: id! }, keyB);
      expect(answer.status).toBe(404);
      expect(answer.text).not.toContain(CALLS.firstOfOctober.externalId);
    }
    const other = await makePartnerApiKey(prisma, a.partner, ["pbxs:read", "invoices:read"]);
    expect((await calls({ month: "2026-10" }, other)).status).toBe(403);
  });

  it("refuses malformed filters with 400 beside the parameter, never 500", async () => {
    const tampered = (key: unknown) => Buffer.from(JSON.stringify(key)).toString("base64url");
    const refused: [Record<string, string>, string][] = [
      [{ month: "2026-13" }, "month"],
      [{ month: "26-10" }, "month"],
      [{ month: "2026-10", from: "2026-10-01", to: "2026-10-02" }, "month"],
      [{ from: "0000-01-01", to: "2026-10-01" }, "from"],
      [{ from: "2026-02-30", to: "2026-03-01" }, "from"],
      [{ from: "2026-10-01" }, "to"],
      [{ from: "2026-10-09", to: "2026-10-01" }, "to"],
      [{ area: "7" }, "area"],
      [{ direction: "SIDEWAYS" }, "direction"],
      [{ number: "abc" }, "number"],
      [{ number: "12" }, "number"],
      [{ rated: "maybe" }, "rated"],
      [{ customerId: "' OR 1=1 --" }, "customerId"],
      [{ limit: "1001" }, "limit"],
      [{ limit: "0" }, "limit"],
      [{ cursor: "%%%" }, "cursor"],
      [{ cursor: tampered(["2026-10-01T00:00:00.000Z", "99999999999999999999"]) }, "cursor"],
      [{ cursor: tampered(["2026-10-01T00:00:00.000Z", "9223372036854775808"]) }, "cursor"],
      [{ cursor: tampered(["yesterday", "1"]) }, "cursor"],
    ];
    for (const [query, field] of refused) {
      const answer = await calls(query);
      expect(answer.status, `${JSON.stringify(query)}: ${answer.text}`).toBe(400);
      expect(answer.response.headers.get("content-type")).toBe("application/problem+json");
      expect(Object.keys(answer.json.errors), JSON.stringify(query)).toEqual([field]);
    }
  });
});

describe("cursor paging", async () => {
  const { a: paged } = await makeTwoTenants(prisma);
  const key = await makePartnerApiKey(prisma, paged.partner, ["records:read"]);
  // Many calls share an instant (a PBX reports a busy second), so the id must break the ties; the
  // range runs on into November.
  const instants = [0, 0, 0, 60, 60, 120].map((s) => new Date(Date.UTC(2026, 9, 20, 12, 0, s)));
  const made = Array.from({ length: 61 }, (_, i) =>
    storedCall(paged, { startedAt: instants[i % instants.length], ...rated }),
  );
  await prisma.callRecord.createMany({ data: made });
  await prisma.callRecord.createMany({
    data: [storedCall(paged, { startedAt: new Date("2026-11-02T08:00:00Z"), ...rated })],
  });
  const expected = (
    await prisma.callRecord.findMany({
      where: { partnerId: paged.partner.id },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      select: { id: true },
    })
  ).map((call) => call.id.toString());

  it("returns every call exactly once, in (time, id) order, across page boundaries inside a tie", async () => {
    const pages: string[][] = [];
    let next: string | null = null;
    do {
      const answer = await callApi(key, listCallsEndpoint, {
        query: { from: "2026-10-01", to: "2026-11-30", limit: "7", ...(next ? { cursor: next } : {}) },
      });
      expect(answer.status, answer.text).toBe(200);
      pages.push(ids(answer));
      next = answer.json.next;
    } while (next);
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 6]);
    expect(pages.flat()).toEqual(expected);
    // The default page holds 100: one page, nothing next.
    const whole = await callApi(key, listCallsEndpoint, { query: { from: "2026-10-01", to: "2026-11-30" } });
    expect(ids(whole)).toEqual(expected);
    expect(whole.json.next).toBeNull();
  });
});

describe("GET /api/v1/sms", async () => {
  const messages = {
    rated: storedSms(a, { sentAt: new Date("2026-10-02T08:00:00Z"), segments: 2, ...rated }),
    included: storedSms(a, {
      sentAt: new Date("2026-10-02T08:00:00Z"),
      cost: "0",
      endUserCost: "0",
      ratedAt: rated.ratedAt,
    }),
    received: storedSms(a, {
      sentAt: new Date("2026-10-03T08:00:00Z"),
      direction: "INBOUND",
      fromE164: "+12025550100",
      toE164: "+4930901820",
    }),
    otherPbx: storedSms(a2, { sentAt: new Date("2026-10-04T08:00:00Z"), senderName: "Brauhaus" }),
    september: storedSms(a, { sentAt: new Date("2026-09-29T08:00:00Z") }),
    ofB: storedSms(b, { sentAt: new Date("2026-10-02T08:00:00Z") }),
  };
  await prisma.smsRecord.createMany({ data: Object.values(messages) });
  const smsIds = Object.fromEntries(
    (await prisma.smsRecord.findMany({ select: { id: true, externalId: true } })).map((s) => [
      s.externalId,
      s.id.toString(),
    ]),
  );
  const idsOf = (...names: (keyof typeof messages)[]) => names.map((name) => smsIds[messages[name].externalId]);
  const sms = (query: Record<string, string>, key = keyA) => callApi(key, listSmsEndpoint, { query });

  it("answers each message with its prices (0 when included, null when not rated), by filter and page", async () => {
    const answer = await sms({ month: "2026-10", limit: "2" });
    expect(answer.status, answer.text).toBe(200);
    expect(ids(answer)).toEqual(idsOf("rated", "included"));
    expect(answer.json.data[0]).toEqual({
      id: smsIds[messages.rated.externalId],
      externalId: messages.rated.externalId,
      ...SENT_BY_A,
      sentAt: "2026-10-02T08:00:00.000Z",
      senderName: null,
      segments: 2,
      currency: "EUR",
      prices: { purchase: "0.01200", endUser: "0.02000" },
      notRated: null,
    });
    expect(answer.json.data[1].prices).toEqual({ purchase: "0.00000", endUser: "0.00000" });
    const rest = await sms({ month: "2026-10", limit: "2", cursor: answer.json.next });
    expect(ids(rest)).toEqual(idsOf("received", "otherPbx"));
    expect(rest.json.data[0]).toMatchObject({ prices: { purchase: null, endUser: null }, notRated: { reason: null } });
    expect(rest.json.next).toBeNull();
    expect(ids(await sms({ month: "2026-10", direction: "INBOUND" }))).toEqual(idsOf("received"));
    expect(ids(await sms({ month: "2026-10", pbxId: otherPbx.id }))).toEqual(idsOf("otherPbx"));
    expect(ids(await sms({ month: "2026-10", number: "+1202" }))).toEqual(idsOf("received"));
    expect(ids(await sms({ month: "2026-10", rated: "true" }))).toEqual(idsOf("rated", "included"));
    expect(ids(await sms({ month: "2026-09" }))).toEqual(idsOf("september"));
    expect(ids(await sms({ month: "2026-10" }, keyB))).toEqual(idsOf("ofB"));
    expect((await sms({ month: "2026-10", pbxId: a.pbx.id }, keyB)).status).toBe(404);
    // SMS have no Call Termination Area: the filter is refused, not ignored.
    expect((await sms({ month: "2026-10", area: "1" })).status).toBe(400);
  });
});
