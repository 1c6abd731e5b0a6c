import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PRICE_LIST_NOTICES, priceListNoticesJob } from "@/lib/jobs/price-list-notices";
import type { JobContext } from "@/lib/jobs/definition";
import { makePartner, makeTwoTenants, makeUser, seedPricing } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { catalogueInForce, type Catalogue } from "../catalogue";
import { writePriceListXlsx } from "../documents/xlsx";
import { changesCsv, priceListChanges } from "../price-changes-view";
import {
  checkPriceListImport,
  editablePrices,
  importReport,
  publishPriceEdit,
  publishPriceListImport,
} from "./publish";

const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-23T10:00:00Z");
let tenants: Awaited<ReturnType<typeof makeTwoTenants>>;
let gold: Catalogue;

beforeAll(async () => {
  vi.stubEnv("NEXTAUTH_URL", "https://portal.classound.test");
  await seedPricing(prisma);
  tenants = await makeTwoTenants(prisma); // both partners buy at Gold
  gold = (await catalogueInForce(prisma, tenants.admin, "GOLD", NOW)).catalogue!;
});
// Test files share their worker's process (vitest.config.ts): the next file must not inherit the stub.
afterAll(() => vi.unstubAllEnvs());

/** The Gold export, edited the way an admin would in Excel. */
async function editedWorkbook(edit: (workbook: ExcelJS.Workbook) => void, catalogue = gold) {
  const out = new PassThrough();
  const [, bytes] = await Promise.all([writePriceListXlsx(catalogue, out), buffer(out)]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const germanyRow = (sheet: ExcelJS.Worksheet) => {
  let found = 0;
  sheet.eachRow(
    (row, n) => void (row.getCell(1).value === "Germany" && row.getCell(2).value === "Geographic" && (found = n)),
  );
  return found;
};

describe("checking an edited workbook", () => {
  it("reports each problem with its sheet and cell, beyond what one cell shows", async () => {
    const file = await editedWorkbook((wb) => {
      wb.getWorksheet("Monthly flat fee")!.getCell("B3").value = "6 to 20";
      wb.getWorksheet("Call termination")!.getCell("A7").value = "Area 7";
      const numbers = wb.getWorksheet("Numbers (DIDs)")!;
      numbers.getCell(`C${germanyRow(numbers)}`).value = -2;
      numbers.getCell("B2").value = "Satellite";
    });
    const check = await checkPriceListImport(prisma, tenants.admin, "GOLD", file);
    expect(check.errors).toEqual(
      expect.arrayContaining([
        { sheet: "Numbers (DIDs)", cell: expect.stringMatching(/^C\d+$/), message: "A price cannot be negative." },
        { sheet: "Monthly flat fee", cell: "B3", message: "Users should read like “1–5”, or “251+” for the top band." },
        { sheet: "Call termination", cell: "A7", message: "Destinations are “Area 1” to “Area 6”, then the SMS row." },
        { sheet: "Numbers (DIDs)", cell: "B2", message: "Type is “Geographic” or “Mobile”." },
      ]),
    );
    expect(check.errors.find((e) => e.message.includes("negative"))!.cell).toBe(
      `C${germanyRow((await loaded(file)).getWorksheet("Numbers (DIDs)")!)}`,
    );
  });

  it("refuses flat-fee bands with a gap, an overlap or a closed top band, and an SMS price that is not Area 1's", async () => {
    const check = async (edit: (workbook: ExcelJS.Workbook) => void) =>
      (await checkPriceListImport(prisma, tenants.admin, "GOLD", await editedWorkbook(edit))).errors;
    const bands = (wb: ExcelJS.Workbook) => wb.getWorksheet("Monthly flat fee")!;
    // Seeded: 1–5, 6–20, 21–50, 51–100, 101–250, 251+ in B2:B7.
    expect(await check((wb) => void (bands(wb).getCell("B3").value = "7–20"))).toEqual([
      {
        sheet: "Monthly flat fee",
        cell: "B3",
        message: "This band leaves PBXs of 6 users without a price: it should start at 6 users.",
      },
    ]);
    expect(await check((wb) => void (bands(wb).getCell("B3").value = "5–20"))).toEqual([
      {
        sheet: "Monthly flat fee",
        cell: "B3",
        message: "This band overlaps the band before it: it should start at 6 users.",
      },
    ]);
    expect(await check((wb) => void (bands(wb).getCell("B7").value = "251–500"))).toEqual([
      { sheet: "Monthly flat fee", cell: "B7", message: "The top band must be open-ended, like “251+”." },
    ]);
    const area1 = gold.areaRates.find((r) => r.area === 1)!.perMinute.toString();
    expect(await check((wb) => void (wb.getWorksheet("Call termination")!.getCell("B8").value = 0.05))).toEqual([
      {
        sheet: "Call termination",
        cell: "B8",
        message: `An SMS past the included ones costs the Area 1 rate: ${area1}.`,
      },
    ]);
  });

  it("explains a formula where a price belongs, and reads rich text as its text", async () => {
    const errors = (
      await checkPriceListImport(
        prisma,
        tenants.admin,
        "GOLD",
        await editedWorkbook((wb) => {
          const numbers = wb.getWorksheet("Numbers (DIDs)")!;
          numbers.getCell(`C${germanyRow(numbers)}`).value = { formula: "D2*2", result: 4 } as ExcelJS.CellFormulaValue;
          numbers.getCell(`A${germanyRow(numbers)}`).value = { richText: [{ text: "Ger" }, { text: "many" }] };
        }),
      )
    ).errors;
    expect(errors).toEqual([
      {
        sheet: "Numbers (DIDs)",
        cell: expect.stringMatching(/^C\d+$/),
        message: "This cell holds the formula =D2*2: type the price itself.",
      },
    ]);
  });

  it("warns, without refusing, of a price far outside the plausible range, naming its cell", async () => {
    let cell = "";
    const check = await checkPriceListImport(
      prisma,
      tenants.admin,
      "GOLD",
      await editedWorkbook((wb) => {
        const numbers = wb.getWorksheet("Numbers (DIDs)")!;
        cell = `C${germanyRow(numbers)}`;
        numbers.getCell(cell).value = 1_000_000_000;
      }),
    );
    expect(check.errors).toEqual([]);
    expect(importReport(check).warnings).toEqual([
      {
        sheet: "Numbers (DIDs)",
        cell,
        message: "1,000,000,000 is far above any fee we expect (more than 10,000): check it before publishing.",
      },
    ]);
  });

  it("has the database refuse a band that overlaps another of its price list, whatever wrote it", async () => {
    const list = await prisma.priceList.findFirstOrThrow({ where: { tier: { code: "GOLD" } } });
    const band = { priceListId: list.id, description: "Overlap", pricePerUser: "1.00" };
    await expect(
      prisma.flatFeeBand.create({ data: { ...band, sku: "OVERLAP-1", minUsers: 4, maxUsers: 5 } }),
    ).rejects.toThrow(/FlatFeeBand_users_never_overlap/);
    await expect(
      prisma.flatFeeBand.create({ data: { ...band, sku: "OVERLAP-2", minUsers: 1000, maxUsers: null } }),
    ).rejects.toThrow(/FlatFeeBand_users_never_overlap/);
    expect(await prisma.flatFeeBand.count({ where: { priceListId: list.id, sku: { startsWith: "OVERLAP" } } })).toBe(0);
  });

  it("is for admins only, and a file that is not a workbook is a clear refusal", async () => {
    const file = await editedWorkbook(() => {});
    await expect(checkPriceListImport(prisma, tenants.a.partnerActor, "GOLD", file)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(checkPriceListImport(prisma, tenants.admin, "NOPE", file)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      checkPriceListImport(prisma, tenants.admin, "GOLD", new TextEncoder().encode("%PDF-1.7")),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("not an Excel workbook") });
  });
});

async function loaded(file: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook;
}

describe("publishing a new version", () => {
  it("stores the workbook as a version from its date, which the catalogue then serves; the changes page and CSV list the difference", async () => {
    const file = await editedWorkbook((wb) => {
      const numbers = wb.getWorksheet("Numbers (DIDs)")!;
      numbers.getCell(`D${germanyRow(numbers)}`).value = 0.99;
      wb.getWorksheet("Monthly flat fee")!.getCell("D2").value = 9.99;
    });
    const check = await checkPriceListImport(prisma, tenants.admin, "GOLD", file);
    expect(check.errors).toEqual([]);
    expect(check.changes.map((c) => [c.kind, c.point.item, c.point.price.toFixed(2)])).toEqual([
      ["fell", expect.stringContaining("CLASSOUND-FLAT-1m · 1–5"), "9.99"],
      ["fell", "Germany · Geographic", "0.99"],
    ]);

    await expect(
      publishPriceListImport(prisma, tenants.admin, { tierCode: "GOLD", file, validFrom: new Date("2026-11-22") }, NOW),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { validFrom: expect.anything() } });
    const version = await publishPriceListImport(
      prisma,
      tenants.admin,
      { tierCode: "GOLD", file, validFrom: new Date("2027-01-01") },
      NOW,
    );
    expect(version).toMatchObject({ name: "CLASSOUND Gold 2027-01-01", tierCode: "GOLD" });
    await expect(
      publishPriceListImport(
        prisma,
        tenants.admin,
        {
          tierCode: "GOLD",
          file: await editedWorkbook((wb) => void (wb.getWorksheet("Monthly flat fee")!.getCell("D2").value = 9.5)),
          validFrom: new Date("2027-01-01"),
        },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const before = (await catalogueInForce(prisma, tenants.a.partnerActor, "GOLD", new Date("2026-12-31T23:59:59Z")))
      .catalogue!;
    const after = (await catalogueInForce(prisma, tenants.a.partnerActor, "GOLD", new Date("2027-01-01T00:00:00Z")))
      .catalogue!;
    expect(before.flatFeeBands[0].pricePerUser.toFixed(2)).toBe(gold.flatFeeBands[0].pricePerUser.toFixed(2));
    expect(after.flatFeeBands[0].pricePerUser.toFixed(2)).toBe("9.99");
    expect(after.numbers.find((n) => n.countryCode === "DE" && n.type === "GEOGRAPHIC")!.monthlyFee.toFixed(2)).toBe(
      "0.99",
    );
    // Everything else carried over exactly.
    expect(after.freephone).toEqual(gold.freephone);
    expect(after.areaRates).toEqual(gold.areaRates);
    expect(after.smsRate).toEqual(gold.smsRate);
    expect(
      await prisma.auditLog.count({
        where: { action: "pricelist.published", entityId: version.id, actorId: tenants.admin.userId },
      }),
    ).toBe(1);

    const changes = await priceListChanges(prisma, tenants.a.partnerActor, { tierCode: "GOLD" });
    expect(changes.to?.id).toBe(version.id);
    expect(changes.changes).toEqual([
      expect.objectContaining({
        kind: "fell",
        section: "Monthly flat fee",
        before: gold.flatFeeBands[0].pricePerUser.toFixed(2),
        after: "9.99",
      }),
      expect.objectContaining({
        kind: "fell",
        item: "Germany · Geographic",
        column: "Monthly (EUR)",
        after: "0.99",
        difference: expect.stringMatching(/^-0\.\d\d$/),
      }),
    ]);
    const csv = changesCsv(changes.changes, "EUR").split("\r\n");
    expect(csv[0]).toBe("\uFEFFChange,Section,Item,Column,Before (EUR),After (EUR),Difference (EUR)");
    expect(csv).toContain(
      `Fell,Numbers (DIDs),Germany · Geographic,Monthly (EUR),${gold.numbers.find((n) => n.countryCode === "DE" && n.type === "GEOGRAPHIC")!.monthlyFee.toFixed(2)},0.99,${changes.changes[1].difference}`,
    );
    // A Gold partner cannot read Silver's versions, whatever id it sends.
    const silver = await prisma.priceList.findFirstOrThrow({ where: { tier: { code: "SILVER" } } });
    await expect(priceListChanges(prisma, tenants.a.partnerActor, { tierCode: "SILVER" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      priceListChanges(prisma, tenants.a.partnerActor, { tierCode: "GOLD", from: silver.id, to: version.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a workbook with a problem or with no change, and a partner", async () => {
    const bad = await editedWorkbook((wb) => void (wb.getWorksheet("Call termination")!.getCell("B2").value = "free"));
    await expect(
      publishPriceListImport(
        prisma,
        tenants.admin,
        { tierCode: "SILVER", file: bad, validFrom: new Date("2027-02-01") },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "INVALID", message: "The workbook has 1 problem. Fix it and upload it again." });
    const silver = (await catalogueInForce(prisma, tenants.admin, "SILVER", NOW)).catalogue!;
    const same = await editedWorkbook(() => {}, silver);
    await expect(
      publishPriceListImport(
        prisma,
        tenants.admin,
        { tierCode: "SILVER", file: same, validFrom: new Date("2027-02-01") },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "INVALID", message: expect.stringContaining("nothing to publish") });
    await expect(
      publishPriceListImport(
        prisma,
        tenants.a.partnerActor,
        { tierCode: "GOLD", file: same, validFrom: new Date("2027-02-01") },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.priceList.count({ where: { tier: { code: "SILVER" } } })).toBe(1);
  });
});

describe("changing one price in the browser", () => {
  it("publishes the latest version with that one price changed, at the column's precision", async () => {
    const { prices } = await editablePrices(prisma, tenants.admin, "BRONZE");
    const area2 = prices.find((p) => p.label === "Area 2 — Per minute (EUR)")!;
    expect(area2).toMatchObject({ section: "Call termination", places: 5 });
    const edit = { tierCode: "BRONZE", key: area2.key, validFrom: new Date("2027-05-01") };
    await expect(publishPriceEdit(prisma, tenants.admin, { ...edit, price: "0.0123456" }, NOW)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { price: ["At most 5 decimal places for this price."] },
    });
    await expect(
      publishPriceEdit(
        prisma,
        tenants.admin,
        { ...edit, key: "Call termination|Area 9|Per minute (EUR)", price: "0.1" },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { key: expect.anything() } });
    await expect(
      publishPriceEdit(prisma, tenants.a.partnerActor, { ...edit, price: "0.1" }, NOW),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const before = (await catalogueInForce(prisma, tenants.admin, "BRONZE", NOW)).catalogue!;
    await publishPriceEdit(prisma, tenants.admin, { ...edit, price: "0.04321" }, NOW);
    const after = (await catalogueInForce(prisma, tenants.admin, "BRONZE", new Date("2027-05-01"))).catalogue!;
    expect(after.areaRates.map((a) => a.perMinute.toFixed(5))).toEqual(
      before.areaRates.map((a) => (a.area === 2 ? "0.04321" : a.perMinute.toFixed(5))),
    );
    expect({ ...after, areaRates: [], validFrom: null, name: null }).toEqual({
      ...before,
      areaRates: [],
      validFrom: null,
      name: null,
    });
  });
});

describe("the partners' notice of a new version", () => {
  const context: JobContext = { db: prisma, sendMail: null, now: () => NOW, enqueue: vi.fn(async () => {}) };

  it("tells each partner of the tier once, in-app and by mail, with the date and a link to what changed; End User reaches every partner", async () => {
    const silverPartner = await makePartner(prisma);
    await prisma.partner.update({ where: { id: silverPartner.id }, data: { tier: { connect: { code: "SILVER" } } } });
    const silverUser = await makeUser(prisma, "PARTNER", { partnerId: silverPartner.id });
    const goldUser = await prisma.user.findFirstOrThrow({ where: { id: tenants.a.partnerActor.userId } });
    const file = await editedWorkbook((wb) => void (wb.getWorksheet("Monthly flat fee")!.getCell("D3").value = 8.88));
    const version = await publishPriceListImport(
      prisma,
      tenants.admin,
      { tierCode: "GOLD", file, validFrom: new Date("2027-03-01") },
      NOW,
    );

    expect(priceListNoticesJob.name).toBe(PRICE_LIST_NOTICES);
    await priceListNoticesJob.run(context, { priceListId: version.id });
    await priceListNoticesJob.run(context, { priceListId: version.id }); // delivered twice: one notice
    await priceListNoticesJob.run(context, {}); // the hourly catch-up finds nothing left

    const notices = await prisma.notification.findMany({
      where: { userId: goldUser.id, title: { contains: "01 Mar 2027" } },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      title: "New Gold price list from 01 Mar 2027",
      link: `/price-list/changes?tier=GOLD&to=${version.id}`,
    });
    const mails = await prisma.outboxEmail.findMany({ where: { to: goldUser.email, subject: notices[0].title } });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(`https://portal.classound.test/price-list/changes?tier=GOLD&to=${version.id}`);
    expect(await prisma.notification.count({ where: { userId: silverUser.id } })).toBe(0);
    expect(context.enqueue).toHaveBeenCalledWith("mail-sweep", {});

    // A version whose queued notice was lost is picked up by the catch-up run; End User reaches Silver too.
    const endUser = (await catalogueInForce(prisma, tenants.admin, "END_USER", NOW)).catalogue!;
    const endUserFile = await editedWorkbook(
      (wb) => void (wb.getWorksheet("Monthly flat fee")!.getCell("D2").value = 19.5),
      endUser,
    );
    await publishPriceListImport(
      prisma,
      tenants.admin,
      { tierCode: "END_USER", file: endUserFile, validFrom: new Date("2027-04-01") },
      NOW,
    );
    await priceListNoticesJob.run(context, {});
    expect(
      await prisma.notification.count({
        where: { userId: silverUser.id, title: "New End User price list from 01 Apr 2027" },
      }),
    ).toBe(1);
    expect(
      await prisma.notification.count({
        where: { userId: goldUser.id, title: "New End User price list from 01 Apr 2027" },
      }),
    ).toBe(1);
  });
});
