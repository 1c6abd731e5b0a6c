import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ApiScope } from "@/lib/api/scopes";
import { germanRequiredDocuments, makeActivationDraft } from "@/lib/testing/api-fixtures-activations";
import { actorOf, makeCountry, makePbx, makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import { createTestDatabase } from "@/lib/testing/test-database";

// The activation requests of /api/v1 through the exported route handlers with real keys. The
// process-wide db() and storage point at this file's database and folder (the file runs isolated),
// with a small upload limit so a too-large file is cheap to make.
const UPLOAD_LIMIT = 64 * 1024;
const { prisma, url } = await createTestDatabase();
const uploads = await mkdtemp(path.join(os.tmpdir(), "classound-api-activations-"));
Object.assign(process.env, { DATABASE_URL: url, CLASSOUND_DATA_DIR: uploads, UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT) });
const { callApi } = await import("@/lib/api/testing/call-api");
const endpoints = await import("@/lib/api/endpoints/activations");
const { createPartnerKey } = await import("@/lib/api/keys");
const { requestActivationChanges } = await import("@/lib/activations/review-request");
const { readStoredFile } = await import("@/lib/storage");
const { stopJobSender } = await import("@/lib/jobs/enqueue");
const { db } = await import("@/lib/db/client");
afterAll(async () => {
  await stopJobSender();
  await db().$disconnect();
  await rm(uploads, { recursive: true, force: true });
});
const { listActivationsEndpoint: list, getActivationEndpoint: read, createActivationEndpoint: create } = endpoints;
const { updateActivationEndpoint: update, uploadActivationDocumentEndpoint: upload } = endpoints;
const { submitActivationEndpoint: submit } = endpoints;

const { a, b, admin } = await makeTwoTenants(prisma);
const [mandatory1, mandatory2, optional] = (await germanRequiredDocuments(prisma)).sort(
  (x, y) => x.sortOrder - y.sortOrder,
);

async function makeKey(partner: { id: string }, scopes: ApiScope[] = ["activations:write"]) {
  const user = await makeUser(prisma, "PARTNER", { partnerId: partner.id });
  const partnerAdmin = actorOf(await prisma.user.update({ where: { id: user.id }, data: { isPartnerAdmin: true } }));
  return (await createPartnerKey(prisma, partnerAdmin, { name: "CRM", scopes })).key;
}
const keyA = await makeKey(a.partner);
const keyB = await makeKey(b.partner);

/** A multipart body with one file, as `curl -F file=@name` sends it. */
function form(bytes: Uint8Array, fileName: string, field = "file") {
  const body = new FormData();
  body.append(field, new Blob([Buffer.from(bytes)], { type: "application/octet-stream" }), fileName);
  return { rawBody: body };
}
const slotOf = (requestId: string, documentId: string) => ({ params: { id: requestId, documentId } });
const storedFiles = () => prisma.storedFile.count();

describe("POST /api/v1/activations", () => {
  it("starts a draft for the partner's PBX with the country's document slots, the form as sent over the customer's profile", async () => {
    const pbx = await makePbx(prisma, a.customer.id);
    const answer = await callApi(keyA, create, {
      body: {
        pbxId: pbx.id,
        countryCode: "de",
        legalName: "Brauhaus Technik GmbH",
        vatNumber: "DE123456788",
        postcode: "80802",
      },
    });
    expect(answer.status, answer.text).toBe(201);
    const draft = answer.json;
    expect(draft).toMatchObject({
      status: "DRAFT",
      pbxId: pbx.id,
      customerId: a.customer.id,
      countryCode: "DE",
      legalName: "Brauhaus Technik GmbH",
      legalEntity: { legalName: "Brauhaus Technik GmbH", vatNumber: "DE123456788", postcode: "80802" },
      rejectionReason: null,
      submittedAt: null,
    });
    expect(draft.documents.map((d: { name: string }) => d.name)).toEqual([
      mandatory1.name,
      mandatory2.name,
      optional.name,
    ]);
    expect(draft.documents[0]).toMatchObject({ mandatory: true, reviewStatus: "PENDING", file: null });
    // Every missing item at once, documents by their slot.
    const targets = draft.missing.map((issue: { target: string }) => issue.target);
    expect(targets).toEqual(
      expect.arrayContaining(draft.documents.slice(0, 2).map((d: { id: string }) => `document:${d.id}`)),
    );
    expect(targets).not.toContain(`document:${draft.documents[2].id}`);
    expect(draft.history).toEqual([expect.objectContaining({ type: "created" })]);
    const audit = await prisma.auditLog.findFirst({ where: { action: "activation.created", entityId: draft.id } });
    expect(audit?.detail).toMatchObject({ viaApiKey: { name: "CRM" } });
  });

  it("names each refused field, and stores nothing", async () => {
    const before = await prisma.activationRequest.count();
    const answer = await callApi(keyA, create, {
      body: { countryCode: "Germany", vatNumber: "DE123", contactEmail: "not-an-address", legalName: 42 },
    });
    expect(answer.status).toBe(400);
    expect(answer.response.headers.get("content-type")).toBe("application/problem+json");
    expect(Object.keys(answer.json.errors).sort()).toEqual(["contactEmail", "countryCode", "legalName", "pbxId"]);
    // The country's own check of the VAT number (decision 0048), beside the field.
    const german = await callApi(keyA, create, {
      body: { pbxId: a.pbx.id, countryCode: "DE", vatNumber: "DE123456789" },
    });
    expect(Object.keys(german.json.errors)).toEqual(["vatNumber"]);
    expect(await prisma.activationRequest.count()).toBe(before);
  });

  it("is all or nothing: a country without CLASSOUND leaves no draft behind, so the PBX can still be activated", async () => {
    const pbx = await makePbx(prisma, a.customer.id);
    const answer = await callApi(keyA, create, { body: { pbxId: pbx.id, countryCode: "ZZ" } });
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toEqual({ countryCode: ["Choose a country from the list."] });
    expect(await prisma.activationRequest.count({ where: { pbxId: pbx.id } })).toBe(0);
    expect((await callApi(keyA, create, { body: { pbxId: pbx.id, countryCode: "DE" } })).status).toBe(201);
  });

  it("refuses another partner's PBX as not found, an ineligible one and a second open request as conflicts", async () => {
    const foreign = await callApi(keyB, create, { body: { pbxId: a.pbx.id, countryCode: "DE" } });
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(a.pbx.name);
    const lifetime = await makePbx(prisma, a.customer.id, { licensePlan: "LIFETIME", termExpiry: null });
    const refused = await callApi(keyA, create, { body: { pbxId: lifetime.id, countryCode: "DE" } });
    expect([refused.status, refused.json.detail]).toEqual([409, expect.stringContaining("lifetime")]);
    const { pbx } = await makeActivationDraft(prisma, a);
    expect((await callApi(keyA, create, { body: { pbxId: pbx.id, countryCode: "DE" } })).status).toBe(409);
    expect(await prisma.activationRequest.count({ where: { pbxId: { in: [a.pbx.id, lifetime.id] } } })).toBe(0);
  });
});

describe("POST /api/v1/activations/{id}/documents/{documentId}", () => {
  it("stores the file through the portal's upload: readable back byte for byte, with its slot's new state", async () => {
    const { request } = await makeActivationDraft(prisma, a);
    const bytes = sampleFiles.pdf("Handelsregister");
    const answer = await callApi(keyA, upload, {
      ...slotOf(request.id, request.documents[0].id),
      ...form(bytes, "HR extract.pdf"),
    });
    expect(answer.status, answer.text).toBe(200);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(answer.json).toMatchObject({
      id: request.documents[0].id,
      reviewStatus: "PENDING",
      file: { fileName: "HR extract.pdf", contentType: "application/pdf", sizeBytes: bytes.byteLength, sha256 },
    });
    const stored = await prisma.storedFile.findUniqueOrThrow({ where: { id: answer.json.file.id } });
    expect(stored).toMatchObject({ partnerId: a.partner.id, sha256 });
    expect(stored.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(Buffer.from(await readStoredFile(stored)).equals(Buffer.from(bytes))).toBe(true);
    const detail = await callApi(keyA, read, { params: { id: request.id } });
    expect(detail.json.documents[0].file.id).toBe(stored.id);
    expect(detail.json.missing.map((m: { target: string }) => m.target)).not.toContain(
      `document:${request.documents[0].id}`,
    );
  });

  it("refuses a file by its bytes, by its size and by its shape, with the reason, and stores nothing", async () => {
    const { request } = await makeActivationDraft(prisma, a);
    const slot = slotOf(request.id, request.documents[0].id);
    const before = await storedFiles();
    const exe = await callApi(keyA, upload, { ...slot, ...form(sampleFiles.exe(), "contract.pdf") });
    expect([exe.status, exe.json.detail]).toEqual([400, expect.stringContaining("Only PDF, PNG and JPEG")]);
    const renamed = await callApi(keyA, upload, { ...slot, ...form(sampleFiles.png(), "scan.pdf") });
    expect([renamed.status, renamed.json.detail]).toEqual([
      400,
      expect.stringContaining("is a PNG file, but its name says PDF"),
    ]);
    const large = new Uint8Array(UPLOAD_LIMIT + 1);
    large.set(sampleFiles.pdf());
    const tooLarge = await callApi(keyA, upload, { ...slot, ...form(large, "big.pdf") });
    expect([tooLarge.status, tooLarge.json.code]).toEqual([413, "TOO_LARGE"]);
    const noFile = await callApi(keyA, upload, { ...slot, ...form(sampleFiles.pdf(), "a.pdf", "document") });
    expect([noFile.status, noFile.json.errors]).toEqual([400, { file: ["Choose a file to upload."] }]);
    const asJson = await callApi(keyA, upload, { ...slot, body: { file: "JVBERi0xLjQK" } });
    expect([asJson.status, asJson.json.detail]).toEqual([400, expect.stringContaining("multipart/form-data")]);
    expect(await storedFiles()).toBe(before);
  });

  it("refuses a body declared larger than the limit before reading it", async () => {
    const { request } = await makeActivationDraft(prisma, a);
    // A body that never ends: reading it would hang the test.
    const endless = new ReadableStream({ pull: () => new Promise(() => {}) });
    const answer = await callApi(keyA, upload, {
      ...slotOf(request.id, request.documents[0].id),
      rawBody: endless,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(UPLOAD_LIMIT * 4) },
    });
    expect(answer.status).toBe(413);
  });

  it("answers 404 for another partner's request, and for a slot of another request", async () => {
    const { request } = await makeActivationDraft(prisma, a);
    const other = await makeActivationDraft(prisma, a);
    const file = form(sampleFiles.pdf(), "a.pdf");
    expect((await callApi(keyB, upload, { ...slotOf(request.id, request.documents[0].id), ...file })).status).toBe(404);
    expect(
      (await callApi(keyA, upload, { ...slotOf(request.id, other.request.documents[0].id), ...file })).status,
    ).toBe(404);
    expect((await callApi(keyA, upload, { ...slotOf(request.id, "not-an-id"), ...file })).status).toBe(404);
  });
});

describe("submitting, the review's notes, and changes", () => {
  it("refuses a request with something missing, naming each item; submits a complete one; then it is read-only", async () => {
    const { request } = await makeActivationDraft(prisma, a);
    const [first, second] = request.documents;
    await callApi(keyA, upload, { ...slotOf(request.id, first.id), ...form(sampleFiles.pdf(), "a.pdf") });
    const refused = await callApi(keyA, submit, { params: { id: request.id } });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual({ [`document:${second.id}`]: [`${second.name}: upload this document.`] });
    expect((await prisma.activationRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("DRAFT");

    await callApi(keyA, upload, { ...slotOf(request.id, second.id), ...form(sampleFiles.jpeg(), "bill.jpg") });
    const submitted = await callApi(keyA, submit, { params: { id: request.id } });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.json).toMatchObject({ status: "SUBMITTED", missing: [], submittedAt: expect.any(String) });
    expect(submitted.json.history.map((e: { type: string }) => e.type)).toContain("submitted");
    const late = await callApi(keyA, upload, { ...slotOf(request.id, first.id), ...form(sampleFiles.pdf(), "b.pdf") });
    expect([late.status, late.json.detail]).toEqual([409, expect.stringContaining("read-only")]);
    expect((await callApi(keyA, update, { params: { id: request.id }, body: { city: "Berlin" } })).status).toBe(409);
    expect((await callApi(keyA, submit, { params: { id: request.id } })).status).toBe(409);
    expect((await callApi(keyB, submit, { params: { id: request.id } })).status).toBe(404);
  });

  it("shows the reviewer's notes, takes the replacement asked for, and resubmits", async () => {
    const { request } = await makeActivationDraft(prisma, a, { uploaded: true });
    expect((await callApi(keyA, submit, { params: { id: request.id } })).status).toBe(200);
    const [asked, other] = request.documents;
    const { version } = await prisma.activationRequest.findUniqueOrThrow({ where: { id: request.id } });
    await requestActivationChanges(prisma, admin, {
      requestId: request.id,
      version,
      documents: [{ documentId: asked.id, comment: "The extract is older than three months." }],
    });
    const detail = await callApi(keyA, read, { params: { id: request.id } });
    expect(detail.json.status).toBe("CHANGES_REQUESTED");
    expect(detail.json.documents.find((d: { id: string }) => d.id === asked.id)).toMatchObject({
      reviewStatus: "CHANGES_REQUESTED",
      reviewComment: "The extract is older than three months.",
    });
    expect(detail.json.missing).toEqual([
      { target: `document:${asked.id}`, message: `${asked.name}: replace this document as asked.` },
    ]);
    const notAsked = await callApi(keyA, upload, {
      ...slotOf(request.id, other.id),
      ...form(sampleFiles.pdf(), "x.pdf"),
    });
    expect(notAsked.status).toBe(409);
    expect(
      (await callApi(keyA, upload, { ...slotOf(request.id, asked.id), ...form(sampleFiles.pdf(), "new.pdf") })).status,
    ).toBe(200);
    const resubmitted = await callApi(keyA, submit, { params: { id: request.id } });
    expect(resubmitted.json).toMatchObject({ status: "SUBMITTED", missing: [] });
  });
});

describe("PATCH /api/v1/activations/{id}", () => {
  it("changes the fields sent, and a new country replaces the document slots", async () => {
    const { request } = await makeActivationDraft(prisma, a);
    const invalid = await callApi(keyA, update, {
      params: { id: request.id },
      body: { contactPhone: "0891234", postcode: "8" },
    });
    expect(Object.keys(invalid.json.errors).sort()).toEqual(["contactPhone", "postcode"]);
    const changed = await callApi(keyA, update, { params: { id: request.id }, body: { contactName: "Jonas Richter" } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.json.legalEntity).toMatchObject({ contactName: "Jonas Richter", legalName: request.legalName });
    await makeCountry(prisma, { code: "AT", name: "Austria", dialCode: "43" });
    const austria = await callApi(keyA, update, { params: { id: request.id }, body: { countryCode: "AT" } });
    expect(austria.json).toMatchObject({ countryCode: "AT", documents: [] });
    // The German VAT number no longer fits the country of service: the pre-check says so.
    expect(austria.json.missing.map((m: { target: string }) => m.target)).toContain("vatNumber");
    expect((await callApi(keyB, update, { params: { id: request.id }, body: { city: "Wien" } })).status).toBe(404);
  });
});

describe("GET /api/v1/activations", () => {
  it("pages through the partner's requests oldest first, filtered by status and PBX; another partner sees none", async () => {
    const drafts = [
      await makeActivationDraft(prisma, b),
      await makeActivationDraft(prisma, b),
      await makeActivationDraft(prisma, b),
    ];
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await callApi(keyB, list, { query: { limit: "2", ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      ids.push(...page.json.data.map((r: { id: string }) => r.id));
      cursor = page.json.next ?? undefined;
    } while (cursor);
    expect(ids).toEqual(drafts.map((d) => d.request.id));
    const one = await callApi(keyB, list, { query: { pbxId: drafts[1].pbx.id, status: "DRAFT" } });
    expect(one.json.data).toEqual([
      expect.objectContaining({ id: drafts[1].request.id, status: "DRAFT", countryCode: "DE" }),
    ]);
    expect((await callApi(keyB, list, { query: { status: "SUBMITTED" } })).json.data).toEqual([]);
    const mine = await callApi(keyA, list, { query: { limit: "200" } });
    expect(mine.text).not.toContain(drafts[0].request.id);
    expect((await callApi(keyB, read, { params: { id: drafts[0].request.id } })).status).toBe(200);
    expect((await callApi(keyA, read, { params: { id: drafts[0].request.id } })).status).toBe(404);
  });

  it("answers malformed queries with 400 naming the parameter", async () => {
    for (const [query, field] of [
      [{ status: "PENDING" }, "status"],
      [{ cursor: "bm90IGEgY3Vyc29y" }, "cursor"],
      [{ limit: "0" }, "limit"],
      [{ pbxId: "'; DROP TABLE" }, "pbxId"],
    ] as const) {
      const answer = await callApi(keyA, list, { query });
      expect([answer.status, Object.keys(answer.json.errors)]).toEqual([400, [field]]);
    }
  });

  it("lets a read-only key read and not write", async () => {
    const reader = await makeKey(a.partner, ["activations:read"]);
    expect((await callApi(reader, list)).status).toBe(200);
    expect((await callApi(reader, create, { body: { pbxId: a.pbx.id, countryCode: "DE" } })).status).toBe(403);
  });
});
