import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startActivationRequest } from "@/lib/activations/start-request";
import { readStoredFile } from "@/lib/storage";
import { loadReadableFile } from "@/lib/storage/file-access";
import { localDriver } from "@/lib/storage/local-driver";
import { makeCountry, makeTwoTenants } from "@/lib/testing/fixtures";
import { sampleFiles } from "@/lib/testing/sample-files";
import { createTestDatabase } from "@/lib/testing/test-database";
import { attachTemplate } from "./attach-template";
import { setCountryActivationEnabled } from "./country-settings";
import { countryDetail, listCountriesWithDocumentCounts } from "./queries";
import { archiveRequiredDocument, createRequiredDocument, updateRequiredDocument } from "./required-documents";

const { prisma } = await createTestDatabase();
const root = await mkdtemp(path.join(os.tmpdir(), "classound-catalogue-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDriver(root);
const now = new Date("2026-11-23T10:00:00Z");

const { a, admin } = await makeTwoTenants(prisma);
await makeCountry(prisma, { code: "FR", name: "France" });

const doc = (overrides: Record<string, unknown> = {}) => ({
  name: "Company registration extract",
  description: "Extrait Kbis, less than 3 months old",
  mandatory: true,
  validityMonths: 3,
  sortOrder: 1,
  ...overrides,
});
const audits = (entityId: string) => prisma.auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } });

describe("required documents", () => {
  it("are created, listed in order with their template, and counted per country", async () => {
    const second = await createRequiredDocument(
      prisma,
      admin,
      "fr",
      doc({ name: "Proof of address", sortOrder: 2, validityMonths: null }),
    );
    const first = await createRequiredDocument(prisma, admin, "FR", doc());
    expect(second).toMatchObject({ countryCode: "FR", validityMonths: null, archivedAt: null });

    const detail = await countryDetail(prisma, admin, "fr");
    expect(detail.requiredDocuments.map((d) => d.id)).toEqual([first.id, second.id]);
    expect(detail.requiredDocuments[0].templateFile).toBeNull();
    const row = (await listCountriesWithDocumentCounts(prisma, admin)).find((c) => c.code === "FR");
    expect(row).toMatchObject({ name: "France", requiredDocumentCount: 2, activationEnabled: true });
    expect((await audits(first.id)).map((e) => e.action)).toEqual(["catalogue.document_created"]);
  });

  it("refuses invalid input field by field, and a second live document with the same name", async () => {
    await expect(
      createRequiredDocument(prisma, admin, "FR", doc({ name: "X", validityMonths: 121, sortOrder: 1.5 })),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: {
        name: [expect.any(String)],
        validityMonths: ["At most 120 months"],
        sortOrder: [expect.any(String)],
      },
    });
    await expect(
      createRequiredDocument(prisma, admin, "FR", doc({ description: "x".repeat(1001) })),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { description: [expect.any(String)] } });
    await expect(
      createRequiredDocument(prisma, admin, "FR", doc({ name: "company REGISTRATION extract" })),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { name: [expect.stringContaining("already")] } });
    await expect(createRequiredDocument(prisma, admin, "ZZ", doc({ name: "Anything" }))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(countryDetail(prisma, admin, "ZZ")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("are archived, never deleted: gone from the country's list, and the name is free again", async () => {
    const document = await createRequiredDocument(prisma, admin, "FR", doc({ name: "Old form", sortOrder: 9 }));
    const archived = await archiveRequiredDocument(prisma, admin, document.id, now);
    expect(archived.archivedAt).toEqual(now);
    expect(await archiveRequiredDocument(prisma, admin, document.id)).toMatchObject({ archivedAt: now });
    expect(await prisma.requiredDocument.findUnique({ where: { id: document.id } })).not.toBeNull();

    const detail = await countryDetail(prisma, admin, "FR");
    expect(detail.requiredDocuments.some((d) => d.id === document.id)).toBe(false);
    expect(detail.archivedDocumentCount).toBe(1);
    await expect(updateRequiredDocument(prisma, admin, document.id, doc({ name: "Old form" }))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(createRequiredDocument(prisma, admin, "FR", doc({ name: "Old form" }))).resolves.toMatchObject({
      archivedAt: null,
    });
    expect((await audits(document.id)).map((e) => e.action)).toEqual([
      "catalogue.document_created",
      "catalogue.document_archived",
    ]);
  });
});

describe("requests already made keep their snapshot", () => {
  it("updating or archiving a document leaves an existing request's slot untouched", async () => {
    const registration = await createRequiredDocument(
      prisma,
      admin,
      "DE",
      doc({ description: "Handelsregisterauszug" }),
    );
    const request = await startActivationRequest(prisma, a.partnerActor, a.pbx.id, now);
    const slot = await prisma.activationDocument.findFirstOrThrow({
      where: { requestId: request.id, requiredDocumentId: registration.id },
    });
    expect(slot).toMatchObject({
      name: "Company registration extract",
      description: "Handelsregisterauszug",
      mandatory: true,
    });

    await updateRequiredDocument(
      prisma,
      admin,
      registration.id,
      doc({ name: "Handelsregisterauszug (new)", description: "Issued this year", mandatory: false }),
    );
    expect(await prisma.activationDocument.findUniqueOrThrow({ where: { id: slot.id } })).toEqual(slot);
    const [, updated] = await audits(registration.id);
    expect(updated).toMatchObject({ action: "catalogue.document_updated", actorId: admin.userId });
    expect(updated.detail).toMatchObject({
      changes: {
        name: { from: "Company registration extract", to: "Handelsregisterauszug (new)" },
        mandatory: { from: true, to: false },
      },
    });

    await archiveRequiredDocument(prisma, admin, registration.id);
    expect(await prisma.activationDocument.findUniqueOrThrow({ where: { id: slot.id } })).toEqual(slot);
  });
});

describe("templates", () => {
  it("refuses an executable, whatever it is called, and stores nothing", async () => {
    const document = await createRequiredDocument(prisma, admin, "FR", doc({ name: "Mandate", sortOrder: 5 }));
    const files = await prisma.storedFile.count();
    await expect(
      attachTemplate(prisma, admin, document.id, { bytes: sampleFiles.exe(), fileName: "mandate.pdf" }, driver),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("EXE") });
    expect(await prisma.storedFile.count()).toBe(files);
    expect((await prisma.requiredDocument.findUniqueOrThrow({ where: { id: document.id } })).templateFileId).toBeNull();
  });

  it("stores a PDF as the operator's file, readable by partners, and replaces an earlier one", async () => {
    const document = await createRequiredDocument(
      prisma,
      admin,
      "FR",
      doc({ name: "Service agreement", sortOrder: 6 }),
    );
    const first = await attachTemplate(
      prisma,
      admin,
      document.id,
      { bytes: sampleFiles.pdf("v1"), fileName: "Agreement v1.pdf" },
      driver,
    );
    expect(first.templateFile).toMatchObject({ fileName: "Agreement v1.pdf", contentType: "application/pdf" });
    const bytes = sampleFiles.pdf("v2");
    const second = await attachTemplate(prisma, admin, document.id, { bytes, fileName: "Agreement v2.pdf" }, driver);

    const stored = await loadReadableFile(prisma, a.partnerActor, second.templateFileId!);
    expect(stored).toMatchObject({ partnerId: null, uploadedById: admin.userId });
    expect(Buffer.from(await readStoredFile(stored, driver)).equals(Buffer.from(bytes))).toBe(true);
    await expect(loadReadableFile(prisma, a.endUserActor, stored.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await countryDetail(prisma, admin, "FR")).requiredDocuments.find((d) => d.id === document.id)?.templateFile?.id,
    ).toBe(stored.id);
    const attached = (await audits(document.id)).filter((e) => e.action === "catalogue.template_attached");
    expect(attached.map((e) => e.detail)).toEqual([
      expect.objectContaining({ fileId: first.templateFileId, replacedFileId: null }),
      expect.objectContaining({ fileId: stored.id, replacedFileId: first.templateFileId }),
    ]);
  });

  it("cannot be attached to an archived document", async () => {
    const document = await createRequiredDocument(prisma, admin, "FR", doc({ name: "Retired", sortOrder: 7 }));
    await archiveRequiredDocument(prisma, admin, document.id);
    await expect(
      attachTemplate(prisma, admin, document.id, { bytes: sampleFiles.pdf(), fileName: "x.pdf" }, driver),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("country settings", () => {
  it("switches activation off and on, auditing each change", async () => {
    expect(await setCountryActivationEnabled(prisma, admin, "fr", { activationEnabled: false })).toMatchObject({
      code: "FR",
      activationEnabled: false,
    });
    expect((await countryDetail(prisma, admin, "FR")).activationEnabled).toBe(false);
    await setCountryActivationEnabled(prisma, admin, "FR", { activationEnabled: false });
    await setCountryActivationEnabled(prisma, admin, "FR", { activationEnabled: true });
    expect((await audits("FR")).map((e) => e.detail)).toEqual([
      { activationEnabled: { from: true, to: false } },
      { activationEnabled: { from: false, to: true } },
    ]);
    await expect(setCountryActivationEnabled(prisma, admin, "FR", { activationEnabled: "yes" })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(setCountryActivationEnabled(prisma, admin, "ZZ", { activationEnabled: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("only admins manage the catalogue", () => {
  it("refuses partners and end users every read and write, and changes nothing", async () => {
    const document = await createRequiredDocument(prisma, admin, "FR", doc({ name: "Untouchable", sortOrder: 8 }));
    const before = await prisma.requiredDocument.findUniqueOrThrow({ where: { id: document.id } });
    const files = await prisma.storedFile.count();
    for (const actor of [a.partnerActor, a.endUserActor]) {
      const attempts = [
        createRequiredDocument(prisma, actor, "FR", doc({ name: "Sneaky" })),
        updateRequiredDocument(prisma, actor, document.id, doc({ name: "Renamed" })),
        archiveRequiredDocument(prisma, actor, document.id),
        setCountryActivationEnabled(prisma, actor, "FR", { activationEnabled: false }),
        attachTemplate(prisma, actor, document.id, { bytes: sampleFiles.pdf(), fileName: "t.pdf" }, driver),
        listCountriesWithDocumentCounts(prisma, actor),
        countryDetail(prisma, actor, "FR"),
      ];
      for (const attempt of attempts) await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await prisma.requiredDocument.findUniqueOrThrow({ where: { id: document.id } })).toEqual(before);
    expect(await prisma.requiredDocument.count({ where: { name: "Sneaky" } })).toBe(0);
    expect((await prisma.country.findUniqueOrThrow({ where: { code: "FR" } })).activationEnabled).toBe(true);
    expect(await prisma.storedFile.count()).toBe(files);
  });
});
