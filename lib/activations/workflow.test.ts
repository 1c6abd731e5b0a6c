import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReadableFile } from "@/lib/storage/file-access";
import { localDriver } from "@/lib/storage/local-driver";
import { actorOf, makeCustomer, makePbx, makeTwoTenants, makeUser, SAMPLE_LEGAL_ENTITY } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import { createTestDatabase } from "@/lib/testing/test-database";
import {
  approveActivationRequest,
  rejectActivationRequest,
  requestActivationChanges,
  startActivationReview,
} from "./review-request";
import { activationCandidates, activationRequestDetail, listActivationRequests } from "./queries";
import { saveActivationDraft } from "./save-draft";
import { activationEligibility, startActivationRequest } from "./start-request";
import { precheckFor, submitActivationRequest } from "./submit-request";
import { uploadActivationDocument } from "./upload-document";

const { prisma } = await createTestDatabase();
const root = await mkdtemp(path.join(os.tmpdir(), "classound-activation-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDriver(root);
const now = new Date("2026-11-23T10:00:00Z");

const { a, b, admin } = await makeTwoTenants(prisma);
const secondAdmin = actorOf(await makeUser(prisma, "ADMIN"));

const legalEntity = SAMPLE_LEGAL_ENTITY;

beforeAll(async () => {
  await prisma.requiredDocument.createMany({
    data: [
      {
        countryCode: "DE",
        name: "Company registration extract",
        description: "Handelsregisterauszug",
        mandatory: true,
        sortOrder: 1,
      },
      {
        countryCode: "DE",
        name: "Proof of address",
        description: "Utility bill, less than 3 months old",
        mandatory: true,
        validityMonths: 6,
        sortOrder: 2,
      },
      { countryCode: "DE", name: "Reference letter", description: "Optional", mandatory: false, sortOrder: 3 },
    ],
  });
  const tier = await prisma.priceListTier.findUniqueOrThrow({ where: { code: "GOLD" } });
  await prisma.priceList.create({
    data: {
      tierId: tier.id,
      name: "Gold 2026",
      currency: "EUR",
      validFrom: new Date("2026-01-01"),
      smsRate: "0.04",
      flatFeeBands: {
        create: [
          { sku: "CLASSOUND-FLAT-1m", description: "Users 1-5", minUsers: 1, maxUsers: 5, pricePerUser: "9.90" },
        ],
      },
    },
  });
});

const upload = (
  actor = a.partnerActor,
  requestId: string,
  documentId: string,
  bytes = sampleFiles.pdf(),
  fileName = "doc.pdf",
) => uploadActivationDocument(prisma, actor, { requestId, documentId, bytes, fileName }, driver);
const version = async (id: string) => (await prisma.activationRequest.findUniqueOrThrow({ where: { id } })).version;

describe("eligibility before the form (R1)", () => {
  it("says why a lifetime or outdated PBX cannot be activated", async () => {
    const lifetime = await makePbx(prisma, a.customer.id, {
      licensePlan: "LIFETIME",
      termExpiry: null,
      softwareVersion: "4.12.20190101.3",
    });
    const result = await activationEligibility(prisma, a.partnerActor, lifetime.id, now);
    expect(result.reasons).toEqual(["LIFETIME_LICENSE", "SOFTWARE_TOO_OLD"]);
    await expect(startActivationRequest(prisma, a.partnerActor, lifetime.id, now)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("lifetime"),
    });
  });

  it("hides another partner's PBX as not found", async () => {
    await expect(activationEligibility(prisma, b.partnerActor, a.pbx.id, now)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(startActivationRequest(prisma, b.partnerActor, a.pbx.id, now)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("opens one draft when two are started at once", async () => {
    const pbx = await makePbx(prisma, a.customer.id);
    const results = await Promise.allSettled([
      startActivationRequest(prisma, a.partnerActor, pbx.id, now),
      startActivationRequest(prisma, a.partnerActor, pbx.id, now),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await prisma.activationRequest.count({ where: { pbxId: pbx.id } })).toBe(1);
  });
});

describe("the whole workflow (R2, R3)", () => {
  it("goes from draft through one change round to a decision, of which exactly one of two simultaneous ones wins", async () => {
    const request = await startActivationRequest(prisma, a.partnerActor, a.pbx.id, now);
    const docs = await prisma.activationDocument.findMany({
      where: { requestId: request.id },
      orderBy: { name: "asc" },
    });
    expect(docs.map((d) => d.name)).toEqual(["Company registration extract", "Proof of address", "Reference letter"]);
    const [registration, proof] = docs;

    // The pre-check lists everything that is missing at once.
    const issues = await precheckFor(prisma, a.partnerActor, request.id, now);
    expect(issues.map((i) => i.target)).toEqual(
      expect.arrayContaining(["vatNumber", "contactPhone", `document:${registration.id}`, `document:${proof.id}`]),
    );
    expect(issues.some((i) => i.target === `document:${docs[2].id}`)).toBe(false);
    await expect(
      submitActivationRequest(prisma, a.partnerActor, request.id, await version(request.id), now),
    ).rejects.toMatchObject({ code: "INVALID" });

    await saveActivationDraft(prisma, a.partnerActor, request.id, await version(request.id), legalEntity, now);
    await expect(
      upload(a.partnerActor, request.id, registration.id, sampleFiles.exe(), "registration.pdf"),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("EXE") });
    await upload(a.partnerActor, request.id, registration.id);
    await upload(a.partnerActor, request.id, proof.id, sampleFiles.png(), "bill.png");
    expect(await precheckFor(prisma, a.partnerActor, request.id, now)).toEqual([]);

    // Another partner and an end user can do nothing with it.
    await expect(upload(b.partnerActor, request.id, proof.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveActivationDraft(prisma, b.partnerActor, request.id, await version(request.id), legalEntity),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      submitActivationRequest(prisma, b.partnerActor, request.id, await version(request.id)),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      submitActivationRequest(prisma, a.endUserActor, request.id, await version(request.id)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      startActivationReview(prisma, a.partnerActor, request.id, await version(request.id)),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    await submitActivationRequest(prisma, a.partnerActor, request.id, await version(request.id), now);
    // Read-only until reviewed.
    await expect(upload(a.partnerActor, request.id, registration.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      saveActivationDraft(prisma, a.partnerActor, request.id, await version(request.id), legalEntity),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(
      await prisma.notification.count({ where: { userId: admin.userId, link: `/admin/activations/${request.id}` } }),
    ).toBe(1);

    await startActivationReview(prisma, admin, request.id, await version(request.id));
    await requestActivationChanges(prisma, admin, {
      requestId: request.id,
      version: await version(request.id),
      documents: [{ documentId: proof.id, comment: "The bill is older than three months." }],
    });
    expect(
      await prisma.outboxEmail.count({
        where: { to: a.partnerActor.email, subject: { contains: "Changes requested" } },
      }),
    ).toBe(1);

    // Only the named document may be replaced, and resubmitting needs it replaced.
    await expect(upload(a.partnerActor, request.id, registration.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Only the documents"),
    });
    await expect(
      submitActivationRequest(prisma, a.partnerActor, request.id, await version(request.id), now),
    ).rejects.toMatchObject({ code: "INVALID" });
    const registrationFileBefore = (
      await prisma.activationDocument.findUniqueOrThrow({ where: { id: registration.id } })
    ).fileId;
    const proofFileAsked = (await prisma.activationDocument.findUniqueOrThrow({ where: { id: proof.id } })).fileId;
    await upload(a.partnerActor, request.id, proof.id, sampleFiles.png(), "wrong-bill.png");
    // A wrong replacement can be replaced again before resubmitting; the comment stays, and the reviewer
    // will see the replacement against the file they asked to replace, not against the wrong one.
    await upload(a.partnerActor, request.id, proof.id, sampleFiles.jpeg(), "new-bill.jpg");
    expect(await prisma.activationDocument.findUniqueOrThrow({ where: { id: proof.id } })).toMatchObject({
      reviewStatus: "CHANGES_REQUESTED",
      reviewComment: "The bill is older than three months.",
      replacedFileId: proofFileAsked,
    });
    expect(await precheckFor(prisma, a.partnerActor, request.id, now)).toEqual([]);
    await submitActivationRequest(prisma, a.partnerActor, request.id, await version(request.id), now);
    expect(await prisma.activationDocument.findUniqueOrThrow({ where: { id: proof.id } })).toMatchObject({
      reviewStatus: "PENDING",
      replacedFileId: proofFileAsked,
    });
    expect((await prisma.activationDocument.findUniqueOrThrow({ where: { id: registration.id } })).fileId).toBe(
      registrationFileBefore,
    );

    // Two admins decide at once: exactly one wins, and every assertion below holds whichever it is.
    const v = await version(request.id);
    const outcomes = await Promise.allSettled([
      approveActivationRequest(prisma, admin, request.id, v, now),
      rejectActivationRequest(
        prisma,
        secondAdmin,
        { requestId: request.id, version: v, reason: "Duplicate of another request." },
        now,
      ),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const loser = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")!;
    expect(loser.reason).toMatchObject({ code: "CONFLICT" });
    const winner = outcomes[0].status === "fulfilled" ? "APPROVED" : "REJECTED";
    const final = await prisma.activationRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(final.status).toBe(winner);
    const events = await prisma.activationEvent.findMany({ where: { requestId: request.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual([
      "created",
      "document_uploaded",
      "document_uploaded",
      "submitted",
      "review_started",
      "changes_requested",
      "document_uploaded",
      "document_uploaded",
      "resubmitted",
      winner === "APPROVED" ? "approved" : "rejected",
    ]);
    const service = await prisma.classoundService.findUnique({ where: { pbxId: a.pbx.id } });
    expect(service?.status ?? null).toBe(winner === "APPROVED" ? "ACTIVE" : null);
  });

  // A fresh customer, so the outcome of the race above cannot change what this test sees.
  async function approvedRequestFor(customerId: string) {
    const pbx = await makePbx(prisma, customerId);
    const request = await startActivationRequest(prisma, a.partnerActor, pbx.id, now);
    await saveActivationDraft(prisma, a.partnerActor, request.id, await version(request.id), legalEntity, now);
    for (const doc of await prisma.activationDocument.findMany({ where: { requestId: request.id, mandatory: true } }))
      await upload(a.partnerActor, request.id, doc.id);
    await submitActivationRequest(prisma, a.partnerActor, request.id, await version(request.id), now);
    await approveActivationRequest(prisma, admin, request.id, await version(request.id), now);
    return { pbx, request };
  }

  it("turns the service on at approval and reuses the customer's compliance profile for the next PBX", async () => {
    const customer = await makeCustomer(prisma, a.partner.id);
    const { pbx: first, request } = await approvedRequestFor(customer.id);
    const service = await prisma.classoundService.findUniqueOrThrow({
      where: { pbxId: first.id },
      include: { charges: true },
    });
    expect(service.status).toBe("ACTIVE");
    expect(service.expiresAt.toISOString()).toBe("2027-05-01T00:00:00.000Z");
    // 4 users × 9.90 × 12 months = 475.20 for the May-to-May term; 23 Nov → 1 May is 159 of 365 days.
    expect(service.charges.map((c) => [c.amount.toFixed(2), c.currency])).toEqual([["207.00", "EUR"]]);
    expect(await prisma.complianceDocument.findMany({ where: { customerId: customer.id } })).toHaveLength(2);
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).vatNumber).toBe("DE123456788");
    expect((await prisma.activationRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("APPROVED");

    const pbx = await makePbx(prisma, customer.id);
    const next = await startActivationRequest(prisma, a.partnerActor, pbx.id, now);
    expect(next.vatNumber).toBe("DE123456788");
    const docs = await prisma.activationDocument.findMany({ where: { requestId: next.id, mandatory: true } });
    expect(docs.every((d) => d.fileId && d.reviewStatus === "ACCEPTED")).toBe(true);
    expect(await precheckFor(prisma, a.partnerActor, next.id, now)).toEqual([]);
  });

  it("tells the customer's end users, and nobody else's, that their PBX is active, without the partner's price", async () => {
    const customer = await makeCustomer(prisma, a.partner.id);
    const endUser = await makeUser(prisma, "END_USER", { customerId: customer.id });
    const optedOut = await makeUser(prisma, "END_USER", { customerId: customer.id });
    await prisma.mailOptOut.create({ data: { userId: optedOut.id, event: "service" } });
    const gone = await makeUser(prisma, "END_USER", { customerId: customer.id }, { disabledAt: now });
    const { pbx } = await approvedRequestFor(customer.id);

    // The other customer's end user of the same partner hears nothing of this PBX.
    const notices = await prisma.notification.findMany({ where: { link: `/pbxs/${pbx.id}` } });
    expect(notices.map((n) => n.userId).sort()).toEqual([endUser.id, optedOut.id].sort());
    for (const notice of notices) {
      expect(notice).toMatchObject({ title: "CLASSOUND is active on your PBX", link: `/pbxs/${pbx.id}` });
      expect(notice.body).toBe(`CLASSOUND is now active on PBX ${pbx.name}, until 01 May 2027.`);
    }
    const mails = await prisma.outboxEmail.findMany({
      where: { to: { in: [endUser.email, optedOut.email, gone.email] } },
    });
    expect(mails.map((m) => m.to)).toEqual([endUser.email]);
    expect(mails[0].text).toContain(`/pbxs/${pbx.id}`);
    expect(mails[0].text).not.toMatch(/EUR|€/);
  });

  it("keeps another customer's profile out of a new request", async () => {
    const other = await makeCustomer(prisma, a.partner.id);
    const pbx = await makePbx(prisma, other.id);
    const request = await startActivationRequest(prisma, a.partnerActor, pbx.id, now);
    const docs = await prisma.activationDocument.findMany({ where: { requestId: request.id } });
    expect(docs.every((d) => d.fileId === null)).toBe(true);
  });

  it("refuses a stale version instead of overwriting", async () => {
    const pbx = await makePbx(prisma, b.customer.id);
    const request = await startActivationRequest(prisma, b.partnerActor, pbx.id, now);
    await saveActivationDraft(prisma, b.partnerActor, request.id, 0, legalEntity, now);
    await expect(
      saveActivationDraft(prisma, b.partnerActor, request.id, 0, { ...legalEntity, city: "Berlin" }, now),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("authorization on every read and write", () => {
  it("gives another partner and end users nothing of a request, its files or its review", async () => {
    const pbx = await makePbx(prisma, a.customer.id);
    const request = await startActivationRequest(prisma, a.partnerActor, pbx.id, now);
    const [slot] = await prisma.activationDocument.findMany({ where: { requestId: request.id } });
    const uploaded = await upload(a.partnerActor, request.id, slot.id);
    const fileId = uploaded.fileId!;
    const v = await version(request.id);

    // Reads: another partner's id is "not found", exactly like a missing one.
    await expect(activationRequestDetail(prisma, b.partnerActor, request.id, now)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(precheckFor(prisma, b.partnerActor, request.id, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listActivationRequests(prisma, b.partnerActor)).requests.map((r) => r.id)).not.toContain(request.id);
    expect((await activationCandidates(prisma, b.partnerActor, now)).map((c) => c.id)).not.toContain(pbx.id);
    await expect(loadReadableFile(prisma, b.partnerActor, fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadReadableFile(prisma, a.endUserActor, fileId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await loadReadableFile(prisma, a.partnerActor, fileId)).id).toBe(fileId);
    expect((await loadReadableFile(prisma, admin, fileId)).id).toBe(fileId);

    // End users have no activation pages at all.
    await expect(activationCandidates(prisma, a.endUserActor, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listActivationRequests(prisma, a.endUserActor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(activationRequestDetail(prisma, a.endUserActor, request.id, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(startActivationRequest(prisma, a.endUserActor, pbx.id, now)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    // Review actions are the admin's, even for the request's own partner.
    for (const actor of [a.partnerActor, b.partnerActor, a.endUserActor]) {
      await expect(startActivationReview(prisma, actor, request.id, v)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(approveActivationRequest(prisma, actor, request.id, v, now)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        rejectActivationRequest(
          prisma,
          actor,
          { requestId: request.id, version: v, reason: "Not allowed to decide this." },
          now,
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        requestActivationChanges(prisma, actor, {
          requestId: request.id,
          version: v,
          documents: [{ documentId: slot.id, comment: "Replace it." }],
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Nothing moved.
    expect(await prisma.activationRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({
      status: "DRAFT",
      version: v,
    });
  });

  it("lets every signed-in partner read the operator's templates, but not end users", async () => {
    const template = await prisma.storedFile.create({
      data: {
        driver: "local",
        storageKey: `tpl-${Date.now()}`,
        fileName: "form.pdf",
        contentType: "application/pdf",
        sizeBytes: 1,
        sha256: "0".repeat(64),
      },
    });
    await prisma.requiredDocument.create({
      data: {
        countryCode: "DE",
        name: `Form ${template.id}`,
        description: "A form",
        mandatory: false,
        templateFileId: template.id,
      },
    });
    expect((await loadReadableFile(prisma, b.partnerActor, template.id)).id).toBe(template.id);
    await expect(loadReadableFile(prisma, a.endUserActor, template.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
