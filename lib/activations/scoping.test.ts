import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localDriver } from "@/lib/storage/local-driver";
import type { StorageDriver } from "@/lib/storage/driver";
import { makeTwoTenants, SAMPLE_LEGAL_ENTITY } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import { createTestDatabase } from "@/lib/testing/test-database";
import { loadActivationRequest } from "./load";
import { listActivationRequests } from "./queries";
import { approveActivationRequest } from "./review-request";
import { saveActivationDraft } from "./save-draft";
import { startActivationRequest } from "./start-request";
import { submitActivationRequest } from "./submit-request";
import { transitionActivationRequest } from "./transition";
import { uploadActivationDocument } from "./upload-document";

const { prisma } = await createTestDatabase();
const root = await mkdtemp(path.join(os.tmpdir(), "classound-scoping-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const { a, b, admin } = await makeTwoTenants(prisma);

const legalEntity = SAMPLE_LEGAL_ENTITY;

beforeAll(async () => {
  await prisma.requiredDocument.create({
    data: { countryCode: "DE", name: "Reference letter", description: "Optional", mandatory: false },
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

/** A request of `tenant`, filled in and (unless told otherwise) submitted. */
async function requestOf(tenant: typeof a, { submit = true } = {}) {
  const pbx = await prisma.pbx.create({
    data: {
      serial: `CS-${Math.random().toString(36).slice(2, 10)}`,
      name: "Scoping PBX",
      customerId: tenant.customer.id,
      licensePlan: "YEARLY",
      termStart: new Date("2026-05-01T00:00:00Z"),
      termExpiry: new Date("2027-05-01T00:00:00Z"),
      softwareVersion: "6.01.1",
      licenses: { create: [{ type: "BASIC", quantity: 2 }] },
    },
  });
  const request = await startActivationRequest(prisma, tenant.partnerActor, pbx.id);
  const saved = await saveActivationDraft(prisma, tenant.partnerActor, request.id, request.version, legalEntity);
  if (submit) await submitActivationRequest(prisma, tenant.partnerActor, request.id, saved.version);
  return prisma.activationRequest.findUniqueOrThrow({ where: { id: request.id }, include: { documents: true } });
}

describe("tenant scope combined with filters", () => {
  it("shows a partner nothing more when it filters by another partner's id", async () => {
    const mine = await requestOf(a);
    const theirs = await requestOf(b);
    const asked = await listActivationRequests(prisma, a.partnerActor, { partnerId: b.partner.id });
    expect(asked.requests.map((r) => r.id)).toEqual([]);
    expect(Object.values(asked.counts).reduce((n, c) => n + c, 0)).toBe(0);
    const own = await listActivationRequests(prisma, a.partnerActor, {});
    expect(own.requests.map((r) => r.id)).toContain(mine.id);
    expect(own.requests.map((r) => r.id)).not.toContain(theirs.id);
  });

  it("keeps a partner's draft from reviewers until it is submitted", async () => {
    const draft = await requestOf(a, { submit: false });
    await expect(loadActivationRequest(prisma, admin, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await loadActivationRequest(prisma, a.partnerActor, draft.id)).id).toBe(draft.id);
  });
});

describe("who takes which step", () => {
  it("refuses a review step to a partner even on its own request", async () => {
    const request = await requestOf(a);
    await expect(
      transitionActivationRequest(prisma, a.partnerActor, request, request.version, "approve"),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await prisma.activationRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("SUBMITTED");
  });
});

describe("an upload racing a submit", () => {
  it("leaves the submitted request untouched and deletes the stored bytes", async () => {
    const draft = await requestOf(a, { submit: false });
    const slot = draft.documents[0];
    const disk = localDriver(path.join(root, "race"));
    // The partner submits in another tab while this upload's bytes are being written.
    const slowDriver: StorageDriver = {
      ...disk,
      async put(key, bytes, type) {
        await disk.put(key, bytes, type);
        await submitActivationRequest(prisma, a.partnerActor, draft.id, draft.version);
      },
    };
    const filesBefore = await prisma.storedFile.count();
    await expect(
      uploadActivationDocument(
        prisma,
        a.partnerActor,
        { requestId: draft.id, documentId: slot.id, bytes: sampleFiles.pdf(), fileName: "late.pdf" },
        slowDriver,
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await prisma.activationRequest.findUniqueOrThrow({
      where: { id: draft.id },
      include: { documents: true },
    });
    expect(after.status).toBe("SUBMITTED");
    expect(after.documents[0].fileId).toBeNull();
    expect(await prisma.storedFile.count()).toBe(filesBefore);
    const leftOnDisk = await readdir(path.join(root, "race"), { recursive: true, withFileTypes: true });
    expect(leftOnDisk.filter((e) => e.isFile())).toEqual([]);
  });
});

describe("approval re-checks R1", () => {
  it("refuses when the PBX reports an unreadable version after submission", async () => {
    const request = await requestOf(a);
    await prisma.pbx.update({ where: { id: request.pbxId }, data: { softwareVersion: "5.0-beta" } });
    await expect(approveActivationRequest(prisma, admin, request.id, request.version)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("not a release number"),
    });
  });

  it("refuses when the PBX lost its user licences", async () => {
    const request = await requestOf(a);
    await prisma.pbxLicense.deleteMany({ where: { pbxId: request.pbxId } });
    await expect(approveActivationRequest(prisma, admin, request.id, request.version)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("no user licenses"),
    });
  });

  it("approves an eligible PBX and charges from its stored term", async () => {
    const request = await requestOf(a);
    const now = new Date("2026-11-23T10:00:00Z");
    await approveActivationRequest(prisma, admin, request.id, request.version, now);
    const charge = await prisma.serviceCharge.findFirstOrThrow({ where: { service: { pbxId: request.pbxId } } });
    // 2 users × 9.90 × 12 months = 237.60 for 2026-05-01..2027-05-01 (365 days), 159 days left in Berlin: 103.50
    expect(charge.amount.toFixed(2)).toBe("103.50");
    expect(charge.description).toContain("159/365 days");
  });
});
