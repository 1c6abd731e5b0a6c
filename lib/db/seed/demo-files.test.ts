import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readStoredFile } from "@/lib/storage";
import { localDriver } from "@/lib/storage/local-driver";
import { createTestDatabase } from "@/lib/testing/test-database";
import { complianceProfiles } from "@/lib/activations/compliance-profile";
import { actorFromUser } from "@/lib/auth/actor";
import { seedDemoFiles, type DemoFilesSummary } from "./demo-files";
import { REQUIRED_DOCUMENT_FORMS } from "./documents";
import { DEMO_LOGINS, seedDatabase } from "./index";

const NOW = new Date("2026-11-18T09:30:00Z");
const { prisma } = await createTestDatabase();
const root = await mkdtemp(path.join(os.tmpdir(), "classound-demo-files-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDriver(root);

describe("seedDemoFiles", () => {
  let first: DemoFilesSummary;
  const summary = () => first;
  beforeAll(async () => {
    await seedDatabase(prisma, NOW);
    first = await seedDemoFiles(prisma, NOW, driver);
  }, 120_000);

  it("stores a PDF template for every seeded form, readable back", async () => {
    expect(first.templates).toBe(REQUIRED_DOCUMENT_FORMS.size);
    const withTemplate = await prisma.requiredDocument.findMany({
      where: { templateFileId: { not: null } },
      include: { templateFile: true },
    });
    expect(withTemplate.map((d) => d.id).sort()).toEqual([...REQUIRED_DOCUMENT_FORMS.keys()].sort());
    const file = withTemplate[0].templateFile!;
    expect(file.contentType).toBe("application/pdf");
    expect(file.partnerId).toBeNull();
    const bytes = await readStoredFile(file, driver);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });

  it("leaves requests in each review state, every document uploaded, none for the first partner", async () => {
    const requests = await prisma.activationRequest.findMany({ include: { documents: true, partner: true } });
    expect(requests).toHaveLength(first.activationRequests);
    expect(new Set(requests.map((r) => r.status))).toEqual(
      new Set(["SUBMITTED", "CHANGES_REQUESTED", "IN_REVIEW", "REJECTED", "APPROVED"]),
    );
    for (const request of requests) expect(request.documents.every((d) => d.fileId !== null)).toBe(true);
    expect(requests.some((r) => r.partner.name.startsWith("Alpentel"))).toBe(false);
    const changed = requests.find((r) => r.status === "CHANGES_REQUESTED")!;
    expect(changed.documents.filter((d) => d.reviewStatus === "CHANGES_REQUESTED")).toHaveLength(1);
    const approved = requests.find((r) => r.status === "APPROVED")!;
    const service = await prisma.classoundService.findUniqueOrThrow({
      where: { pbxId: approved.pbxId },
      include: { pbx: true },
    });
    expect(service.status).toBe("ACTIVE");
    expect(service.expiresAt).toEqual(service.pbx.termExpiry);
  });

  it("gives Weber a compliance profile with one document flagged as expiring", async () => {
    const anna = actorFromUser(
      await prisma.user.findUniqueOrThrow({ where: { email: DEMO_LOGINS.find((l) => l.role === "PARTNER")!.email } }),
    );
    const [first, ...rest] = await complianceProfiles(prisma, anna, NOW);
    expect(first.name).toBe("Weber Maschinenbau GmbH");
    expect(first.documents).toHaveLength(summary().complianceDocuments);
    expect(first.documents.map((d) => d.expiry).sort()).toEqual(["EXPIRING", "VALID", "VALID"]);
    expect(rest.every((profile) => profile.needsAttention === 0)).toBe(true);
  });

  it("adds nothing when run again", async () => {
    const files = await prisma.storedFile.count();
    expect(await seedDemoFiles(prisma, NOW, driver)).toEqual({
      templates: 0,
      activationRequests: 0,
      complianceDocuments: 0,
    });
    expect(await prisma.storedFile.count()).toBe(files);
  });
});
