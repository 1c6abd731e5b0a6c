import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localDriver } from "@/lib/storage/local-driver";
import { readStoredFile } from "@/lib/storage";
import { createTestDatabase } from "@/lib/testing/test-database";
import { attachFormTemplates } from "./demo-files";
import { REQUIRED_DOCUMENT_FORMS } from "./documents";
import { seedCatalogue } from "./index";
import { demoDataState } from "./state";

// Issue 31: a production start loads the operator's reference catalogue and nothing of the demo.
describe("seedCatalogue", () => {
  it("loads countries, documents, tiers and price lists as drafts, and no company, user or call", async () => {
    const { prisma, url } = await createTestDatabase();
    const loaded = await seedCatalogue(prisma);
    expect(loaded.countries).toBeGreaterThan(10);
    expect(loaded.priceListTiers).toBeGreaterThanOrEqual(4);
    expect(loaded.priceLists).toBe(loaded.priceListTiers);

    const priceLists = await prisma.priceList.findMany({ select: { publishedAt: true } });
    expect(priceLists.length).toBe(loaded.priceLists);
    expect(priceLists.every((list) => list.publishedAt === null)).toBe(true);
    expect(await prisma.flatFeeBand.count()).toBeGreaterThan(0);
    for (const count of [
      prisma.partner.count(),
      prisma.customer.count(),
      prisma.user.count(),
      prisma.pbx.count(),
      prisma.phoneNumber.count(),
      prisma.callRecord.count(),
    ])
      expect(await count).toBe(0);
    expect(await demoDataState(url)).toMatchObject({ hasData: false, hasCatalogue: true, hasAnyAdmin: false });

    // A second start (or two instances at once) adds nothing.
    const again = await seedCatalogue(prisma);
    expect(Object.values(again).every((count) => count === 0)).toBe(true);
  });

  it("stores the document templates without an uploader before any admin exists", async () => {
    const { prisma, url } = await createTestDatabase();
    await seedCatalogue(prisma);
    const storage = await mkdtemp(path.join(os.tmpdir(), "classound-catalogue-"));
    afterAll(() => rm(storage, { recursive: true, force: true }));
    const driver = localDriver(storage);

    expect((await demoDataState(url)).templatesPending).toBe(true);
    expect(await attachFormTemplates(prisma, async () => null, driver)).toBe(REQUIRED_DOCUMENT_FORMS.size);
    expect((await demoDataState(url)).templatesPending).toBe(false);
    const document = await prisma.requiredDocument.findFirstOrThrow({
      where: { templateFileId: { not: null } },
      select: { templateFile: { select: { storageKey: true, sha256: true, uploadedById: true } } },
    });
    expect(document.templateFile!.uploadedById).toBeNull();
    const bytes = await readStoredFile(document.templateFile!, driver);
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
