import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { catalogueInForce } from "@/lib/pricing/catalogue";
import { priceListSectionsForDisplay } from "@/lib/pricing/documents/sections";
import { makeTwoTenants, seedPricing } from "@/lib/testing/fixtures";
import { putPartnerOnTier } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";

// The price list in force as JSON, PDF and XLSX through the exported route handlers with real keys;
// the process-wide db() points at this file's database (so the file runs isolated, vitest.config.ts).
const { prisma, url } = await createTestDatabase();
process.env.DATABASE_URL = url;
const { makePartnerApiKey } = await import("@/lib/testing/api-keys");
const { callApi } = await import("@/lib/api/testing/call-api");
const { getPriceListEndpoint, priceListPdfEndpoint, priceListXlsxEndpoint } =
  await import("@/lib/api/endpoints/pricelists");
const { db } = await import("@/lib/db/client");
afterAll(() => db().$disconnect());

await seedPricing(prisma);
const { a, b } = await makeTwoTenants(prisma); // both partners at GOLD
// A price an admin typed the way a spreadsheet would run it: every export must keep it text.
const FORMULA = '=HYPERLINK("http://evil.example","Gold users")';
const band = await prisma.flatFeeBand.findFirstOrThrow({
  where: { priceList: { tier: { code: "GOLD" } } },
  orderBy: { minUsers: "asc" },
});
await prisma.flatFeeBand.update({ where: { id: band.id }, data: { description: FORMULA } });
const keyA = await makePartnerApiKey(prisma, a.partner, ["pricelists:read"]);
const gold = (await catalogueInForce(prisma, a.partnerActor, undefined, new Date())).catalogue!;

describe("GET /api/v1/price-lists/current", () => {
  it("answers the partner's tier's version in force: the price list page's rows, prices as exact strings", async () => {
    const answer = await callApi(keyA, getPriceListEndpoint);
    expect(answer.status, answer.text).toBe(200);
    const list = answer.json;
    expect(list).toMatchObject({
      name: gold.name,
      tier: { code: "GOLD", name: "Gold", isOwn: true },
      currency: gold.currency,
      validFrom: gold.validFrom.toISOString().slice(0, 10),
      pricesExcludeVat: true,
      includedPerUser: { area1Minutes: 3000, sms: 200 },
    });
    const page = Object.fromEntries(priceListSectionsForDisplay(gold).map((section) => [section.id, section.rows]));
    const orDash = (price: string | null) => price ?? "—";
    type Row = Record<string, string> & { perMinute: Record<string, string | null> };
    expect(list.flatFees.map((f: Row) => [f.sku, f.description, f.pricePerUser])).toEqual(
      page["flat-fee"]!.map((row) => [row[0], row[2], row[3]]),
    );
    expect([...list.callTermination.map((c: Row) => [`Area ${c.area}`, c.perMinute]), list.smsRate]).toEqual([
      ...page["call-termination"]!.slice(0, -1),
      page["call-termination"]!.at(-1)![1],
    ]);
    expect(list.destinations.map((d: Row) => [`Area ${d.area}`, d.country, d.prefix])).toEqual(page.areas);
    expect(list.numbers.map((n: Row) => [n.country, n.setupFee, n.monthlyFee])).toEqual(
      page.numbers!.map((row) => [row[0], row[2], row[3]]),
    );
    expect(
      list.freephone.map((f: Row) => [
        f.country,
        f.setupFee,
        f.monthlyFee,
        orDash(f.perMinute.fixed),
        orDash(f.perMinute.mobile),
        orDash(f.perMinute.payphone),
      ]),
    ).toEqual(page.freephone);
    expect(list.flatFees[0].description).toBe(FORMULA);
    // A fee to the cent, a rate to its 5 places: "14.90", never 14.9.
    expect(list.smsRate).toMatch(/^\d+\.\d{5}$/);
    expect(list.numbers[0].monthlyFee).toMatch(/^\d+\.\d{2}$/);
  });

  it("answers the End User list when asked; any tier the partner cannot see, or one with no version, is 404", async () => {
    const endUser = await callApi(keyA, getPriceListEndpoint, { query: { tier: "END_USER" } });
    expect(endUser.json.tier).toMatchObject({ code: "END_USER", isOwn: false });
    for (const tier of ["SILVER", "PLATINUM"])
      expect((await callApi(keyA, getPriceListEndpoint, { query: { tier } })).status, tier).toBe(404);
    for (const tier of ["gold", "GOLD;DROP", "G".repeat(40)]) {
      const refused = await callApi(keyA, getPriceListEndpoint, { query: { tier } });
      expect(refused.status, tier).toBe(400);
      expect(Object.keys(refused.json.errors)).toEqual(["tier"]);
    }
    await putPartnerOnTier(prisma, b, "WITHOUT_LIST");
    const keyB = await makePartnerApiKey(prisma, b.partner, ["pricelists:read"]);
    for (const endpoint of [getPriceListEndpoint, priceListPdfEndpoint, priceListXlsxEndpoint])
      expect((await callApi(keyB, endpoint)).status, endpoint.path).toBe(404);
    const other = await makePartnerApiKey(prisma, a.partner, ["records:read"]);
    expect((await callApi(other, priceListPdfEndpoint)).status).toBe(403);
  });
});

describe("GET /api/v1/price-lists/current/pdf and /xlsx", () => {
  const FILE = "CLASSOUND-price-list-Gold-2024-01-01";

  it("answers the portal's PDF with the download headers", async () => {
    const answer = await callApi(keyA, priceListPdfEndpoint);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(answer.response.headers.get("content-type")).toBe("application/pdf");
    expect(answer.response.headers.get("content-disposition")).toBe(
      `attachment; filename="${FILE}.pdf"; filename*=UTF-8''${FILE}.pdf`,
    );
    expect(answer.response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.response.headers.get("cache-control")).toContain("no-store");
  });

  it("answers the portal's workbook, every price in it and the formula-looking text kept as text", async () => {
    const answer = await callApi(keyA, priceListXlsxEndpoint, { query: { tier: "GOLD" } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.response.headers.get("content-type")).toBe(priceListXlsxEndpoint.file!.mediaTypes[0]);
    expect(answer.response.headers.get("content-disposition")).toContain(`${FILE}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.bytes as unknown as ArrayBuffer);
    const flat = workbook.getWorksheet("Monthly flat fee")!;
    const cell = flat.getRow(2).getCell(3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(FORMULA);
    expect(flat.getRow(2).getCell(4).value).toBe(gold.flatFeeBands[0]!.pricePerUser.toNumber());
    let formulas = 0;
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas++))),
    );
    expect(formulas).toBe(0);
  });
});
