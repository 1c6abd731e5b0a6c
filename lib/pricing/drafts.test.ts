import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { unsafeNotifyPriceListPublished } from "@/lib/jobs/price-list-notices";
import { Prisma } from "@/lib/db/generated/client";
import { actorOf, makeTenant, makeTwoTenants, makeUser, seedPricing } from "@/lib/testing/fixtures";
import { putPartnerOnTier } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { catalogueInForce, catalogueOfVersion } from "./catalogue";
import { draftTakesEffect, publishDraft } from "./drafts";
import { writePriceListXlsx } from "./documents/xlsx";
import { checkPriceListImport, PUBLISHED_ACTION, publishPriceListImport } from "./import/publish";
import { pbxQuote } from "./pbx-quote";
import { priceListChanges } from "./price-changes-view";
import { priceListDocument } from "./price-list-document";
import { priceListInForce, priceListInForceSql } from "./price-list-in-force";
import { priceListVersionsByTier } from "./versions";

// Decision 0057: a draft is read by no quote and no partner until an admin publishes it or
// replaces it by an import. (Rating: lib/cdr/rating/drafts.test.ts.)
const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-23T10:00:00Z");
let tenants: Awaited<ReturnType<typeof makeTwoTenants>>;
let onlyDraft: { partner: { id: string }; actor: ReturnType<typeof actorOf>; userId: string; pbxId: string };

/** A copy of a stored version, every price row included, as an unpublished draft of `tierCode`. */
async function draftCopy(fromId: string, tierCode: string, validFrom: Date, name = `Draft ${tierCode}`) {
  const tier = await prisma.priceListTier.upsert({
    where: { code: tierCode },
    update: {},
    create: { code: tierCode, name: tierCode[0] + tierCode.slice(1).toLowerCase() },
  });
  const from = await prisma.priceList.findUniqueOrThrow({
    where: { id: fromId },
    include: { flatFeeBands: true, numberPrices: true, freephoneRates: true, areaRates: true },
  });
  const rows = <T extends { id: string; priceListId: string }>(list: T[]) =>
    list.map(
      (row) =>
        Object.fromEntries(Object.entries(row).filter(([key]) => key !== "id" && key !== "priceListId")) as Omit<
          T,
          "id" | "priceListId"
        >,
    );
  return prisma.priceList.create({
    data: {
      tierId: tier.id,
      name,
      currency: from.currency,
      validFrom,
      smsRate: from.smsRate,
      publishedAt: null,
      flatFeeBands: { create: rows(from.flatFeeBands) },
      numberPrices: { create: rows(from.numberPrices) },
      freephoneRates: { create: rows(from.freephoneRates) },
      areaRates: { create: rows(from.areaRates) },
    },
  });
}

const goldVersion = () =>
  prisma.priceList.findFirstOrThrow({ where: { tier: { code: "GOLD" } }, orderBy: { validFrom: "asc" } });

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", "https://portal.classound.test");
  await seedPricing(prisma);
  tenants = await makeTwoTenants(prisma); // both partners buy at Gold
  // A partner whose tier has nothing but a draft, dated before today.
  const tenant = await makeTenant(prisma);
  await putPartnerOnTier(prisma, tenant, "PLATINUM");
  const user = await makeUser(prisma, "PARTNER", { partnerId: tenant.partner.id });
  onlyDraft = { partner: tenant.partner, actor: actorOf(user), userId: user.id, pbxId: tenant.pbx.id };
});
afterAll(() => vi.unstubAllEnvs());

describe("a tier with only a draft", () => {
  let draft: { id: string };
  beforeAll(async () => {
    draft = await draftCopy((await goldVersion()).id, "PLATINUM", new Date("2026-01-01T00:00:00Z"));
  });

  it("has no version in force, in Prisma and in SQL", async () => {
    const platinum = await prisma.priceListTier.findUniqueOrThrow({ where: { code: "PLATINUM" } });
    expect(await priceListInForce(prisma, platinum.id, NOW, {})).toBeNull();
    const rows = await prisma.$queryRaw<{ id: string }[]>(priceListInForceSql(Prisma.sql`${platinum.id}`, NOW));
    expect(rows).toEqual([]);
  });

  it("prices no quote", async () => {
    expect(await pbxQuote(prisma, onlyDraft.actor, { pbxId: onlyDraft.pbxId, now: NOW })).toMatchObject({
      unavailable: expect.stringContaining("no prices in force"),
    });
  });

  it("is neither shown nor downloadable for the partner, whatever id it sends", async () => {
    expect((await catalogueInForce(prisma, onlyDraft.actor, undefined, NOW)).catalogue).toBeNull();
    await expect(priceListDocument(prisma, onlyDraft.actor, "PLATINUM", "pdf", NOW)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(priceListDocument(prisma, onlyDraft.actor, "PLATINUM", "xlsx", NOW, draft.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      priceListChanges(prisma, onlyDraft.actor, { tierCode: "PLATINUM", to: draft.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await priceListChanges(prisma, onlyDraft.actor, { tierCode: "PLATINUM" })).versions).toEqual([]);
  });

  it("is reviewed by an admin in the same documents, marked as a draft", async () => {
    const document = await priceListDocument(prisma, tenants.admin, "PLATINUM", "xlsx", NOW, draft.id);
    expect(document.fileName).toBe("CLASSOUND-price-list-Platinum-2026-01-01-DRAFT.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buffer(document.stream)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Overview")!.getCell("B4").value).toBe(
      "Draft — not in force, not visible to partners (dated 01 Jan 2026)",
    );
  });

  it("is listed for admins as a draft, the tier with no version in force", async () => {
    const platinum = (await priceListVersionsByTier(prisma, tenants.admin, NOW)).find((t) => t.code === "PLATINUM")!;
    expect(platinum.hasVersionInForce).toBe(false);
    expect(platinum.versions).toEqual([
      expect.objectContaining({
        id: draft.id,
        status: "draft",
        onPublishing: expect.stringContaining("calls since 01 Jan 2026 that have no price are priced with it"),
      }),
    ]);
  });

  it("tells no partner", async () => {
    expect(await unsafeNotifyPriceListPublished(prisma, draft.id)).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityId: draft.id } })).toBe(0);
  });

  it("is published by an admin only, audited, then in force and the partner's", async () => {
    await expect(publishDraft(prisma, onlyDraft.actor, { priceListId: draft.id }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      publishDraft(prisma, tenants.admin, { priceListId: "cnosuchdraft0000000000000" }, NOW),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nothing was in force for the tier: it keeps its date and prices the calls since then.
    expect(await publishDraft(prisma, tenants.admin, { priceListId: draft.id }, NOW)).toMatchObject({
      id: draft.id,
      validFrom: new Date("2026-01-01T00:00:00Z"),
    });
    expect(await prisma.priceList.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ publishedAt: NOW });
    expect(
      await prisma.auditLog.findFirstOrThrow({ where: { action: PUBLISHED_ACTION, entityId: draft.id } }),
    ).toMatchObject({ actorId: tenants.admin.userId, detail: expect.objectContaining({ draft: true }) });
    await expect(publishDraft(prisma, tenants.admin, { priceListId: draft.id }, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const { catalogue } = await catalogueInForce(prisma, onlyDraft.actor, undefined, NOW);
    expect(catalogue).toMatchObject({ name: "Draft PLATINUM", isDraft: false });
    await expect(priceListDocument(prisma, onlyDraft.actor, "PLATINUM", "pdf", NOW, draft.id)).resolves.toMatchObject({
      fileName: "CLASSOUND-price-list-Platinum-2026-01-01.pdf",
    });
    expect(await pbxQuote(prisma, onlyDraft.actor, { pbxId: onlyDraft.pbxId, now: NOW })).not.toHaveProperty(
      "unavailable",
    );
    // Partners are told it takes effect on the day it was published, not on its past date.
    expect(await unsafeNotifyPriceListPublished(prisma, draft.id)).toBe(1);
    expect(await prisma.notification.findFirstOrThrow({ where: { userId: onlyDraft.userId } })).toMatchObject({
      title: "New Platinum price list from 23 Nov 2026",
    });
  });
});

describe("a draft beside the version in force", () => {
  it("changes nothing until published; dated in the past, it then takes effect now", async () => {
    const gold = await goldVersion();
    const draft = await draftCopy(gold.id, "GOLD", new Date("2026-06-01T00:00:00Z"), "Gold draft");
    expect((await priceListInForce(prisma, gold.tierId, NOW, {}))?.id).toBe(gold.id);
    expect((await catalogueInForce(prisma, tenants.a.partnerActor, "GOLD", NOW)).catalogue?.name).toBe(gold.name);
    expect((await priceListChanges(prisma, tenants.a.partnerActor, { tierCode: "GOLD" })).versions).toEqual([
      expect.objectContaining({ id: gold.id }),
    ]);

    await publishDraft(prisma, tenants.admin, { priceListId: draft.id }, NOW);
    // June to now stays priced by the version that was in force (decision 0041).
    expect((await priceListInForce(prisma, gold.tierId, new Date("2026-07-01T00:00:00Z"), {}))?.id).toBe(gold.id);
    expect((await priceListInForce(prisma, gold.tierId, NOW, {}))?.id).toBe(draft.id);
  });

  it("takes effect on its own date when that is still to come", () => {
    const later = new Date("2027-01-01T00:00:00Z");
    expect(draftTakesEffect(later, [new Date("2024-01-01T00:00:00Z")], NOW)).toEqual({
      validFrom: later,
      startsNow: false,
      pricesUnpricedSince: null,
    });
  });
});

describe("replacing a draft by an import", () => {
  let draft: { id: string };
  const DRAFT_DATE = new Date("2026-12-01T00:00:00Z");

  /** The draft's export, edited the way an admin would in Excel. */
  async function editedDraft(edit: (workbook: ExcelJS.Workbook) => void) {
    const silver = await prisma.priceListTier.findUniqueOrThrow({ where: { code: "SILVER" } });
    const catalogue = (await catalogueOfVersion(prisma, silver.id, draft.id, { drafts: true }))!;
    const out = new PassThrough();
    const [, bytes] = await Promise.all([writePriceListXlsx(catalogue, out), buffer(out)]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    edit(workbook);
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  beforeAll(async () => {
    const silver = await prisma.priceList.findFirstOrThrow({ where: { tier: { code: "SILVER" } } });
    draft = await draftCopy(silver.id, "SILVER", DRAFT_DATE, "Silver draft");
    // The draft differs from the version in force by its first flat fee.
    await prisma.flatFeeBand.updateMany({
      where: { priceListId: draft.id, minUsers: 1 },
      data: { pricePerUser: "99" },
    });
  });

  it("compares the workbook with the draft, and refuses one that only repeats it", async () => {
    const unchanged = await editedDraft(() => {});
    const check = await checkPriceListImport(prisma, tenants.admin, "SILVER", unchanged);
    expect(check.base).toMatchObject({ id: draft.id, isDraft: true });
    expect(check.changes).toEqual([]);
    await expect(
      publishPriceListImport(
        prisma,
        tenants.admin,
        { tierCode: "SILVER", file: unchanged, validFrom: DRAFT_DATE },
        NOW,
      ),
    ).rejects.toMatchObject({ message: "No price differs from the draft: publish the draft itself instead." });
  });

  it("publishes the import and deletes the draft in the same transaction, even on the draft's date", async () => {
    const file = await editedDraft((wb) => void (wb.getWorksheet("Monthly flat fee")!.getCell("D2").value = 98));
    const check = await checkPriceListImport(prisma, tenants.admin, "SILVER", file);
    expect(check.changes).toEqual([expect.objectContaining({ kind: "fell", before: new Prisma.Decimal(99) })]);

    const version = await publishPriceListImport(
      prisma,
      tenants.admin,
      { tierCode: "SILVER", file, validFrom: DRAFT_DATE },
      NOW,
    );
    expect(await prisma.priceList.findUnique({ where: { id: draft.id } })).toBeNull();
    expect(await prisma.priceList.findUniqueOrThrow({ where: { id: version.id } })).toMatchObject({
      validFrom: DRAFT_DATE,
      publishedAt: expect.any(Date),
    });
    expect(
      await prisma.auditLog.findFirstOrThrow({ where: { action: PUBLISHED_ACTION, entityId: version.id } }),
    ).toMatchObject({ detail: expect.objectContaining({ replacedDraft: "Silver draft" }) });
  });
});
