import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newApiKey } from "@/lib/api/key-secret";
import { API_SCOPES, type ApiScope } from "@/lib/api/scopes";
import { makeNumbers, makeTwoTenants } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import {
  berlinNumbers,
  makeGermanNumbers,
  makePortablePbx,
  makePortingRequest,
  makeSite,
  makeTicket,
} from "@/lib/testing/support-fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";

// Porting, emergency locations and support tickets of /api/v1 (issue 34), through the exported route
// handlers with real keys. The handlers reach the process-wide db() and storage, pointed at this
// file's database and a folder of its own before anything imports them (the file runs isolated).
const { prisma, url } = await createTestDatabase();
process.env.DATABASE_URL = url;
const dataDir = await mkdtemp(path.join(os.tmpdir(), "api-v1-support-"));
process.env.CLASSOUND_DATA_DIR = dataDir;
const { callApi } = await import("@/lib/api/testing/call-api");
const porting = await import("@/lib/api/endpoints/porting");
const emergency = await import("@/lib/api/endpoints/emergency");
const tickets = await import("@/lib/api/endpoints/tickets");
const { db } = await import("@/lib/db/client");
const { createBoss, QUEUE_SCHEMA } = await import("@/lib/jobs/boss");
const { shareJobSender, stopJobSender } = await import("@/lib/jobs/enqueue");
const { MAIL_SWEEP, mailSweepJob } = await import("@/lib/jobs/mail-jobs");
const { installQueues } = await import("@/lib/jobs/runner");
// A queue with no worker: the mail sweep a write asks for stays waiting, to be counted.
const boss = createBoss(url);
await boss.start();
await installQueues(url, boss, [mailSweepJob]);
shareJobSender(boss);
/** Whether a mail sweep waits (the queue keeps one waiting at most); `take` removes it. */
const mailSweepAsked = async (take = false) =>
  (await prisma.$executeRawUnsafe(
    take
      ? `DELETE FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state = 'created'`
      : `SELECT 1 FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND state = 'created'`,
    MAIL_SWEEP,
  )) > 0;
afterAll(async () => {
  await Promise.all([db().$disconnect(), stopJobSender()]);
  await rm(dataDir, { recursive: true, force: true });
});

const { a, b, admin } = await makeTwoTenants(prisma);

async function makeKey(tenant: typeof a, scopes: ApiScope[] = API_SCOPES) {
  const { key, prefix, hash } = newApiKey();
  const row = await prisma.apiKey.create({
    data: {
      kind: "PARTNER",
      partnerId: tenant.partner.id,
      name: `CRM ${prefix}`,
      prefix,
      hash,
      scopes,
      createdById: tenant.partnerActor.userId,
    },
  });
  return { key, row };
}
const { key: keyA, row: keyRowA } = await makeKey(a);
const { key: keyB } = await makeKey(b);
const creatorA = await prisma.user.findUniqueOrThrow({ where: { id: a.partnerActor.userId } });

/** The audit entry of a write, which must name the key it came through beside the key's creator. */
async function expectAuditedViaKey(action: string, entityId: string) {
  const entry = await prisma.auditLog.findFirst({ where: { action, entityId }, orderBy: { createdAt: "desc" } });
  expect(entry, action).toMatchObject({
    actorId: creatorA.id,
    detail: expect.objectContaining({ viaApiKey: { id: keyRowA.id, name: keyRowA.name } }),
  });
}

const expectProblem = (answer: { status: number; json: { status?: number } | null }, status: number) => {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.json?.status).toBe(status);
};

describe("porting requests", () => {
  const portable = makePortablePbx(prisma, a);

  function form(fields: Record<string, string>, loa: File | null = new File([sampleFiles.pdf("LOA")], "loa.pdf")) {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.set(name, value);
    if (loa) body.set("loa", loa);
    return body;
  }
  const fields = async (overrides: Record<string, string> = {}) => ({
    pbxId: (await portable).id,
    numbers: berlinNumbers(2).join("\n"),
    currentOperator: "Deutsche Telekom",
    accountHolder: "Muster GmbH",
    requestedDate: "2999-06-01",
    ...overrides,
  });
  const submit = (key: string, body: FormData) => callApi(key, porting.submitPortingRequestEndpoint, { rawBody: body });

  it("submits a port-in with its letter of authorization as the portal does, then lists and reads it", async () => {
    const sent = await fields({ numbers: "+49 30 22334455, +49 30 11223344" });
    const created = await submit(keyA, form(sent));
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      status: "SUBMITTED",
      pbxId: sent.pbxId,
      requestedDate: "2999-06-01",
      portingAt: null,
      version: 0,
      numbers: [
        { e164: "+493011223344", countryCode: "DE", phoneNumberId: null },
        { e164: "+493022334455", countryCode: "DE", phoneNumberId: null },
      ],
      loa: { fileName: "loa.pdf", sizeBytes: sampleFiles.pdf("LOA").byteLength },
      history: [{ type: "submitted", by: { name: creatorA.name, side: "partner" } }],
    });
    await expectAuditedViaKey("porting.submitted", created.json.id);

    const one = await callApi(keyA, porting.getPortingRequestEndpoint, { params: { id: created.json.id } });
    expect(one.json).toEqual(created.json);
    const listed = await callApi(keyA, porting.listPortingRequestsEndpoint, {
      query: { status: "SUBMITTED", pbxId: sent.pbxId },
    });
    // A row of the list is the request without its letter and timeline.
    const row = Object.fromEntries(Object.entries(created.json).filter(([k]) => k !== "loa" && k !== "history"));
    expect(listed.json).toEqual({ data: [row], next: null });
    expect((await callApi(keyB, porting.listPortingRequestsEndpoint)).json.data).toEqual([]);
    expectProblem(await callApi(keyB, porting.getPortingRequestEndpoint, { params: { id: created.json.id } }), 404);
  });

  it("refuses what the portal's form refuses, each beside its field, and another partner's PBX with 404", async () => {
    const before = await prisma.portingRequest.count();
    const bad = await submit(
      keyA,
      form(await fields({ numbers: "12345", requestedDate: "2001-01-01", currentOperator: "x" })),
    );
    expectProblem(bad, 400);
    expect(Object.keys(bad.json.errors).sort()).toEqual(["currentOperator", "numbers", "requestedDate"]);
    const noFile = await submit(keyA, form(await fields(), null));
    expectProblem(noFile, 400);
    expect(Object.keys(noFile.json.errors)).toEqual(["loa"]);
    const exe = await submit(keyA, form(await fields(), new File([sampleFiles.exe()], "loa.pdf")));
    expectProblem(exe, 400);
    expect(Object.keys(exe.json.errors)).toEqual(["loa"]);
    expectProblem(await callApi(keyA, porting.submitPortingRequestEndpoint, { body: await fields() }), 400);
    const inactive = await submit(keyA, form(await fields({ pbxId: a.pbx.id })));
    expectProblem(inactive, 400);
    expect(inactive.json.errors.pbxId[0]).toMatch(/not active/);
    const foreign = await submit(keyB, form(await fields()));
    expectProblem(foreign, 404);
    expect(Object.keys(foreign.json.errors)).toEqual(["pbxId"]);
    const taken = await makePortingRequest(prisma, a, (await portable).id);
    const twice = await submit(keyA, form(await fields({ numbers: taken.numbers[0]!.e164 })));
    expectProblem(twice, 400);
    expect(twice.json.errors.numbers[0]).toContain("Already in another open porting request");
    expect(await prisma.portingRequest.count()).toBe(before + 1);
  });

  it("cancels with the version read: a stale version or a request past cancelling is 409, another partner's 404", async () => {
    const request = await makePortingRequest(prisma, a, a.pbx.id);
    const cancel = (key: string, version: unknown) =>
      callApi(key, porting.cancelPortingRequestEndpoint, { params: { id: request.id }, body: { version } });
    expectProblem(await cancel(keyB, 0), 404);
    expectProblem(await cancel(keyA, 1), 409);
    const badVersion = await cancel(keyA, -1);
    expectProblem(badVersion, 400);
    expect(Object.keys(badVersion.json.errors)).toEqual(["version"]);
    const cancelled = await cancel(keyA, 0);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.json).toMatchObject({ status: "CANCELLED", version: 1 });
    expect(cancelled.json.history.at(-1)).toMatchObject({ type: "cancel", by: { side: "partner" } });
    await expectAuditedViaKey("porting.cancel", request.id);
    expectProblem(await cancel(keyA, 1), 409);
  });

  it("pages by cursor, oldest first, each request once", async () => {
    const pbx = await makePortablePbx(prisma, a);
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await makePortingRequest(prisma, a, pbx.id, 1)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { json: { data: { id: string }[]; next: string | null } } = await callApi(
        keyA,
        porting.listPortingRequestsEndpoint,
        { query: { pbxId: pbx.id, limit: "2", ...(cursor ? { cursor } : {}) } },
      );
      seen.push(...page.json.data.map((r) => r.id));
      cursor = page.json.next;
    } while (cursor);
    expect(seen).toEqual(made);
    const badQuery = await callApi(keyA, porting.listPortingRequestsEndpoint, {
      query: { status: "DONE", cursor: "abc", pbxId: "x" },
    });
    expectProblem(badQuery, 400);
    expect(Object.keys(badQuery.json.errors).sort()).toEqual(["cursor", "pbxId", "status"]);
  });
});

describe("emergency sites and locations", () => {
  const berlinSite = {
    name: "Berlin HQ",
    street: "Friedrichstraße",
    houseNumber: "43",
    postcode: "10117",
    city: "Berlin",
    countryCode: "de",
    floor: "3",
    latitude: "52.507",
    longitude: "13.390",
  };

  it("creates, reads, lists and replaces a site through the portal's functions, audited with the key", async () => {
    const created = await callApi(keyA, emergency.createSiteEndpoint, {
      body: { ...berlinSite, customerId: a.customer.id },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      customerId: a.customer.id,
      countryCode: "DE",
      latitude: "52.507000",
      region: null,
      numberCount: 0,
    });
    await expectAuditedViaKey("emergency.site_created", created.json.id);
    const id = created.json.id;
    expect((await callApi(keyA, emergency.getSiteEndpoint, { params: { id } })).json).toEqual(created.json);
    const listed = await callApi(keyA, emergency.listSitesEndpoint, { query: { customerId: a.customer.id, q: "hq" } });
    expect(listed.json).toEqual({ data: [created.json], next: null });

    const taken = await callApi(keyA, emergency.createSiteEndpoint, {
      body: { ...berlinSite, customerId: a.customer.id },
    });
    expectProblem(taken, 409);
    expect(Object.keys(taken.json.errors)).toEqual(["name"]);

    const replaced = await callApi(keyA, emergency.updateSiteEndpoint, {
      params: { id },
      body: { ...berlinSite, name: "Berlin HQ (new)", houseNumber: "44" },
    });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.json).toMatchObject({ id, name: "Berlin HQ (new)", houseNumber: "44" });
    await expectAuditedViaKey("emergency.site_updated", id);
  });

  it("checks a site as the site form does (R13: E911 needs a dispatchable location), each field named", async () => {
    const us = await callApi(keyA, emergency.createSiteEndpoint, {
      body: { ...berlinSite, countryCode: "US", postcode: "1", latitude: "91", customerId: a.customer.id },
    });
    expectProblem(us, 400);
    expect(us.json.errors).toMatchObject({
      postcode: expect.any(Array),
      latitude: expect.any(Array),
      callbackNumber: [expect.stringMatching(/E911/)],
    });
    const foreign = await callApi(keyB, emergency.createSiteEndpoint, {
      body: { ...berlinSite, name: "Elsewhere", customerId: a.customer.id },
    });
    expectProblem(foreign, 404);
    expect(Object.keys(foreign.json.errors)).toEqual(["customerId"]);
    const site = await makeSite(prisma, a);
    expectProblem(await callApi(keyB, emergency.getSiteEndpoint, { params: { id: site.id } }), 404);
    expectProblem(
      await callApi(keyB, emergency.updateSiteEndpoint, { params: { id: site.id }, body: berlinSite }),
      404,
    );
    expect(await prisma.emergencyLocation.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({
      name: site.name,
    });
  });

  it("lists the numbers that need a location, sets one's, and shows its status as the portal does", async () => {
    const pbx = await makePortablePbx(prisma, a);
    const numbers = await makeGermanNumbers(prisma, a, pbx.id, 3);
    const [freephone] = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: pbx.id }, 1, "DE");
    await prisma.phoneNumber.update({ where: { id: freephone!.id }, data: { type: "FREEPHONE" } });
    const missing = await callApi(keyA, emergency.listEmergencyNumbersEndpoint, {
      query: { pbxId: pbx.id, status: ["NO_LOCATION", "CHANGES_REQUIRED"], limit: "2" },
    });
    expect(missing.json.data.map((n: { e164: string }) => n.e164)).toEqual(numbers.slice(0, 2).map((n) => n.e164));
    expect(missing.json.data[0]).toMatchObject({ regime: "E112", status: "NO_LOCATION", site: null, pbxId: pbx.id });
    const rest = await callApi(keyA, emergency.listEmergencyNumbersEndpoint, {
      query: { pbxId: pbx.id, cursor: missing.json.next },
    });
    expect(rest.json).toMatchObject({ data: [{ id: numbers[2]!.id }], next: null });
    expectProblem(await callApi(keyA, emergency.getEmergencyNumberEndpoint, { params: { id: freephone!.id } }), 404);

    const site = await makeSite(prisma, a);
    const target = numbers[0]!;
    const set = await callApi(keyA, emergency.setEmergencyNumberEndpoint, {
      params: { id: target.id },
      body: { siteId: site.id },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.json).toMatchObject({ id: target.id, status: "PENDING", site: { id: site.id, postcode: "10115" } });
    await expectAuditedViaKey("emergency.location_assigned", site.id);
    expect(await prisma.emergencyLocationChange.count({ where: { phoneNumberId: target.id } })).toBe(1);
    const again = await callApi(keyA, emergency.setEmergencyNumberEndpoint, {
      params: { id: target.id },
      body: { siteId: site.id },
    });
    expect(again.json).toEqual(set.json);
    const pending = await callApi(keyA, emergency.listEmergencyNumbersEndpoint, {
      query: { pbxId: pbx.id, status: "PENDING" },
    });
    expect(pending.json.data).toEqual([set.json]);
    expect((await callApi(keyA, emergency.listSitesEndpoint, { query: { q: site.name } })).json.data[0]).toMatchObject({
      numberCount: 1,
    });
    expect((await callApi(keyB, emergency.listEmergencyNumbersEndpoint)).json.data).toEqual([]);
  });

  it("refuses a site of another country or customer beside siteId, and another partner's ids with 404", async () => {
    const [italian] = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 1, "IT");
    const site = await makeSite(prisma, a);
    const wrongCountry = await callApi(keyA, emergency.setEmergencyNumberEndpoint, {
      params: { id: italian!.id },
      body: { siteId: site.id },
    });
    expectProblem(wrongCountry, 400);
    expect(wrongCountry.json.errors.siteId[0]).toMatch(/must be in IT/);
    const [number] = await makeGermanNumbers(prisma, a, a.pbx.id);
    const theirSite = await makeSite(prisma, b);
    const foreignSite = await callApi(keyA, emergency.setEmergencyNumberEndpoint, {
      params: { id: number!.id },
      body: { siteId: theirSite.id },
    });
    expectProblem(foreignSite, 404);
    expect(Object.keys(foreignSite.json.errors)).toEqual(["siteId"]);
    const foreignNumber = await callApi(keyB, emergency.setEmergencyNumberEndpoint, {
      params: { id: number!.id },
      body: { siteId: theirSite.id },
    });
    expectProblem(foreignNumber, 404);
    expect(foreignNumber.text).not.toContain(number!.e164);
    expect(await prisma.phoneNumber.findUniqueOrThrow({ where: { id: number!.id } })).toMatchObject({
      emergencyStatus: "NO_LOCATION",
      emergencyLocationId: null,
    });
    const badQuery = await callApi(keyA, emergency.listEmergencyNumbersEndpoint, {
      query: { status: ["PENDING", "LOST"], cursor: "x" },
    });
    expectProblem(badQuery, 400);
    expect(Object.keys(badQuery.json.errors).sort()).toEqual(["cursor", "status"]);
  });
});

describe("support tickets", () => {
  it("opens a ticket, replies and closes it as the portal does, and reads the thread in order", async () => {
    const opened = await callApi(keyA, tickets.openTicketEndpoint, {
      body: { category: "OTHER", pbxId: a.pbx.id, subject: "Fax to e-mail", message: "Can CLASSOUND do this?" },
    });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.json).toMatchObject({
      category: "OTHER",
      status: "OPEN",
      pbxId: a.pbx.id,
      customerId: a.customer.id,
      assigneeName: null,
      messages: [{ kind: "MESSAGE", body: "Can CLASSOUND do this?", author: { name: creatorA.name, side: "partner" } }],
    });
    const id = opened.json.id;
    await expectAuditedViaKey("ticket.opened", id);

    // Support answers in the portal; the partner's system reads it and replies.
    const { replyToTicket } = await import("@/lib/tickets/reply");
    await replyToTicket(prisma, admin, { ticketId: id, body: "Not yet: it is on our list." });
    await mailSweepAsked(true);
    const reply = await callApi(keyA, tickets.replyToTicketEndpoint, { params: { id }, body: { body: "Thanks!" } });
    expect(reply.status, reply.text).toBe(201);
    // Support hears of it by mail at once, as when the partner replies in the portal.
    expect(await mailSweepAsked()).toBe(true);
    expect(reply.json).toMatchObject({ kind: "MESSAGE", body: "Thanks!", author: { side: "partner" }, file: null });
    await expectAuditedViaKey("ticket.replied", id);

    const attach = (file: File, ticketId = id, key = keyA) => {
      const body = new FormData();
      body.set("file", file);
      return callApi(key, tickets.attachToTicketEndpoint, { params: { id: ticketId }, rawBody: body });
    };
    const attached = await attach(new File([sampleFiles.pdf("Call log")], "call log.pdf"));
    expect(attached.status, attached.text).toBe(201);
    expect(attached.json).toMatchObject({
      body: "Attached call log.pdf.",
      file: { fileName: "call log.pdf", sizeBytes: sampleFiles.pdf("Call log").byteLength },
    });
    const exe = await attach(new File([sampleFiles.exe()], "call log.pdf"));
    expectProblem(exe, 400);
    expect(Object.keys(exe.json.errors)).toEqual(["file"]);
    expectProblem(await attach(new File([sampleFiles.pdf()], "x.pdf"), id, keyB), 404);

    const read = await callApi(keyA, tickets.getTicketEndpoint, { params: { id } });
    expect(read.json.status).toBe("WAITING_FOR_SUPPORT");
    expect(read.json.messages.map((m: { kind: string; body: string }) => [m.kind, m.body])).toEqual([
      ["MESSAGE", "Can CLASSOUND do this?"],
      ["MESSAGE", "Not yet: it is on our list."],
      ["EVENT", "Status changed to waiting for partner."],
      ["MESSAGE", "Thanks!"],
      ["EVENT", "Status changed to waiting for support."],
      ["MESSAGE", "Attached call log.pdf."],
    ]);
    expect(await prisma.ticketMessage.count({ where: { ticketId: id, fileId: { not: null } } })).toBe(1);
    expect(read.json.messages[1].author).toEqual({ name: expect.any(String), side: "support" });

    const closed = await callApi(keyA, tickets.closeTicketEndpoint, { params: { id } });
    expect(closed.json.status).toBe("CLOSED");
    expectProblem(await callApi(keyA, tickets.replyToTicketEndpoint, { params: { id }, body: { body: "And?" } }), 409);
    expectProblem(await callApi(keyA, tickets.closeTicketEndpoint, { params: { id } }), 409);
    expectProblem(await attach(new File([sampleFiles.pdf()], "late.pdf")), 409);
  });

  it("lists by status, category, PBX and subject, a page at a time, and never another partner's", async () => {
    const mine = [await makeTicket(prisma, a, a.pbx.id), await makeTicket(prisma, a, a.pbx.id)];
    const theirs = await makeTicket(prisma, b, b.pbx.id);
    const first = await callApi(keyA, tickets.listTicketsEndpoint, {
      query: { status: "WAITING_FOR_PARTNER", category: "OTHER", pbxId: a.pbx.id, limit: "1" },
    });
    expect(first.json.data.map((t: { id: string }) => t.id)).toEqual([mine[0]!.id]);
    const second = await callApi(keyA, tickets.listTicketsEndpoint, {
      query: { status: "WAITING_FOR_PARTNER", pbxId: a.pbx.id, limit: "1", cursor: first.json.next },
    });
    expect(second.json.data.map((t: { id: string }) => t.id)).toEqual([mine[1]!.id]);
    const bySubject = await callApi(keyA, tickets.listTicketsEndpoint, { query: { q: mine[1]!.subject.slice(-8) } });
    expect(bySubject.json.data.map((t: { id: string }) => t.id)).toEqual([mine[1]!.id]);
    expect((await callApi(keyA, tickets.listTicketsEndpoint, { query: { q: theirs.subject } })).json.data).toEqual([]);
    const badQuery = await callApi(keyA, tickets.listTicketsEndpoint, { query: { status: "LOST", category: "X" } });
    expectProblem(badQuery, 400);
    expect(Object.keys(badQuery.json.errors).sort()).toEqual(["category", "status"]);
  });

  it("refuses another partner's ticket and PBX with 404 and bad bodies beside each field", async () => {
    const theirs = await makeTicket(prisma, b, b.pbx.id);
    expectProblem(await callApi(keyA, tickets.getTicketEndpoint, { params: { id: theirs.id } }), 404);
    expectProblem(
      await callApi(keyA, tickets.replyToTicketEndpoint, { params: { id: theirs.id }, body: { body: "Hi" } }),
      404,
    );
    expectProblem(await callApi(keyA, tickets.closeTicketEndpoint, { params: { id: theirs.id } }), 404);
    const foreignPbx = await callApi(keyA, tickets.openTicketEndpoint, {
      body: { category: "OTHER", pbxId: b.pbx.id, subject: "Their PBX", message: "Hello" },
    });
    expectProblem(foreignPbx, 404);
    expect(Object.keys(foreignPbx.json.errors)).toEqual(["pbxId"]);
    const cnam = await callApi(keyA, tickets.openTicketEndpoint, {
      body: { category: "CNAM", pbxId: a.pbx.id, subject: "x", message: "" },
    });
    expectProblem(cnam, 400);
    expect(Object.keys(cnam.json.errors).sort()).toEqual(["callerName", "message", "numberIds", "subject"]);
    const empty = await callApi(keyA, tickets.replyToTicketEndpoint, {
      params: { id: (await makeTicket(prisma, a)).id },
      body: { body: "   " },
    });
    expectProblem(empty, 400);
    expect(Object.keys(empty.json.errors)).toEqual(["body"]);
    expect(await prisma.ticketMessage.count({ where: { ticketId: theirs.id } })).toBe(2);
  });
});

describe("malformed input", () => {
  it("answers an id of the wrong shape on every path with 404 and a non-JSON body with 400, never 5xx", async () => {
    const withId = [
      porting.getPortingRequestEndpoint,
      porting.cancelPortingRequestEndpoint,
      emergency.getSiteEndpoint,
      emergency.updateSiteEndpoint,
      emergency.getEmergencyNumberEndpoint,
      emergency.setEmergencyNumberEndpoint,
      tickets.getTicketEndpoint,
      tickets.replyToTicketEndpoint,
      tickets.attachToTicketEndpoint,
      tickets.closeTicketEndpoint,
    ];
    for (const endpoint of withId)
      for (const id of ["nope", "%00", "' OR 1=1 --"])
        expectProblem(
          await callApi(keyA, endpoint, { params: { id }, ...(endpoint.method === "GET" ? {} : { body: {} }) }),
          404,
        );
    const site = await makeSite(prisma, a);
    for (const rawBody of ["{not json", "null", "[]", '"text"'])
      expectProblem(
        await callApi(keyA, emergency.updateSiteEndpoint, {
          params: { id: site.id },
          rawBody,
          headers: { "content-type": "application/json" },
        }),
        400,
      );
  });
});
