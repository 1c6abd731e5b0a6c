import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import { CALL_COLUMNS } from "@/lib/cdr/import/call-row";
import { createImportRow } from "@/lib/cdr/import/create-import";
import { runCallImport } from "@/lib/cdr/import/import-calls";
import { importPostedRecords } from "@/lib/cdr/import/pbx-post";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import type { NumberType } from "@/lib/db/generated/enums";
import { makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { makePriceList } from "@/lib/testing/price-lists";
import { callLine, recordFile } from "@/lib/testing/record-csv";
import { createTestDatabase } from "@/lib/testing/test-database";

// Issue 29, findings 1 and 2: a call's country, area and number type come from the numbers
// themselves (libphonenumber-js placement, the DID inventory), stored at ingest (decision 0043).
const { prisma, url } = await createTestDatabase();
const pool = new pg.Pool({ connectionString: url, max: 3 });
afterAll(() => pool.end());

let tenant: Tenant;
const DIDS: [e164: string, country: string, type: NumberType][] = [
  ["+4930901820", "DE", "GEOGRAPHIC"],
  ["+498007240100", "DE", "FREEPHONE"],
  // A Canadian toll-free number: +1 833 is shared by all of NANP, only the inventory knows it is CA's.
  ["+18335550100", "CA", "FREEPHONE"],
];

beforeAll(async () => {
  tenant = await makeTenant(prisma); // Germany, tier GOLD
  await prisma.country.createMany({
    data: [
      { code: "US", name: "United States", dialCode: "1", callTerminationArea: 1 },
      { code: "CA", name: "Canada", dialCode: "1", callTerminationArea: 2 },
      { code: "GB", name: "United Kingdom", dialCode: "44", callTerminationArea: 1 },
      { code: "JE", name: "Jersey", dialCode: "44", callTerminationArea: 3 },
      { code: "GG", name: "Guernsey", dialCode: "44", callTerminationArea: 3 },
      { code: "RU", name: "Russia", dialCode: "7", callTerminationArea: 5 },
      { code: "KZ", name: "Kazakhstan", dialCode: "7", callTerminationArea: 6 },
    ],
  });
  await prisma.phoneNumber.createMany({
    data: DIDS.map(([e164, countryCode, type]) => ({
      e164,
      countryCode,
      type,
      status: "ASSIGNED" as const,
      partnerId: tenant.partner.id,
      pbxId: tenant.pbx.id,
    })),
  });
  for (const code of ["GOLD", END_USER_TIER_CODE]) {
    await makePriceList(prisma, code, {
      areas: { 1: "0.10000", 2: "0.20000", 3: "0.30000", 4: "0.40000", 5: "0.50000", 6: "0.60000" },
      smsRate: "0.01200",
      freephone: [
        { countryCode: "US", source: "PAYPHONE", perMinute: "0.30000" },
        { countryCode: "CA", source: "PAYPHONE", perMinute: "0.35000" },
        { countryCode: "DE", source: "MOBILE", perMinute: "0.04000" },
      ],
    });
  }
});

type Fields = Partial<Record<(typeof CALL_COLUMNS)[number], string>>;
const out = (id: string, to: string): Fields => ({ call_id: id, direction: "out", to, extension: "100" });
const inbound = (id: string, did: string, source: string, from = "+4915112345678"): Fields => ({
  call_id: id,
  direction: "in",
  from,
  to: did,
  did,
  freephone_source: source,
  duration: "600",
  started_at: "2026-10-14T10:00:00Z",
  answered_at: "2026-10-14T10:00:05Z",
});
const line = ({ call_id, ...fields }: Fields) =>
  callLine(call_id ?? "", tenant.pbx.serial, {
    extension: "",
    started_at: "2026-10-15T09:00:00Z",
    answered_at: "2026-10-15T09:00:07Z",
    duration: "60",
    ...fields,
  });

const API_CALL = {
  from: "+4930901820",
  started_at: "2026-10-16T09:00:00Z",
  answered_at: "2026-10-16T09:00:07Z",
  duration: "60",
  disposition: "answered",
};

async function importCalls(calls: Fields[]) {
  const { id } = await createImportRow(prisma, { source: "COMMAND", fileName: "placement.csv" });
  return runCallImport(pool, id, recordFile(CALL_COLUMNS, calls.map(line)));
}
const stored = (externalId: string) =>
  prisma.callRecord.findFirstOrThrow({
    where: { externalId, pbxId: tenant.pbx.id },
    select: { countryCode: true, area: true, numberType: true, cost: true, billedSeconds: true },
  });

describe("calls placed by the numbering plan at ingest", () => {
  beforeAll(async () => {
    const outcome = await importCalls([
      out("toronto", "+14165550123"),
      out("new-york", "+12125550123"),
      out("london", "+442071234567"),
      out("jersey", "+441534456789"),
      out("guernsey-mobile", "+447911123456"),
      out("gb-mobile", "+447911223456"),
      out("almaty", "+77012345678"),
      out("moscow", "+74951234567"),
      out("nowhere", "+80012345678"), // a valid UIFN number: no country
      inbound("ca-freephone-payphone", "+18335550100", "payphone", "+14165550123"),
      inbound("geographic-mobile-source", "+4930901820", "mobile"),
      inbound("freephone-mobile-source", "+498007240100", "mobile"),
      inbound("not-in-inventory", "+4930901899", ""),
    ]);
    expect(outcome).toMatchObject({ rowsStored: 13, rowsRefused: 0 });
  });

  it("stores each outbound call's country and its area, +1 by area code and shared codes by range", async () => {
    const places = Object.fromEntries(
      await Promise.all(
        ["toronto", "new-york", "london", "jersey", "guernsey-mobile", "gb-mobile", "almaty", "moscow", "nowhere"].map(
          async (id) => [id, await stored(id)] as const,
        ),
      ),
    );
    expect(
      Object.fromEntries(Object.entries(places).map(([id, c]) => [id, [c.countryCode, c.area, c.numberType]])),
    ).toEqual({
      toronto: ["CA", 2, null],
      "new-york": ["US", 1, null],
      london: ["GB", 1, null],
      jersey: ["JE", 3, null],
      "guernsey-mobile": ["GG", 3, null],
      "gb-mobile": ["GB", 1, null],
      almaty: ["KZ", 6, null],
      moscow: ["RU", 5, null],
      nowhere: [null, null, null],
    });
  });

  it("stores each inbound call's DID country and the DID's type from the inventory, never an area", async () => {
    expect(await stored("ca-freephone-payphone")).toMatchObject({
      countryCode: "CA",
      area: null,
      numberType: "FREEPHONE",
    });
    expect(await stored("geographic-mobile-source")).toMatchObject({ countryCode: "DE", numberType: "GEOGRAPHIC" });
    expect(await stored("not-in-inventory")).toMatchObject({ countryCode: "DE", area: null, numberType: null });
  });

  it("places the calls a PBX posts through the API the same way", async () => {
    const body = JSON.stringify([
      {
        ...Object.fromEntries(CALL_COLUMNS.map((c) => [c, ""])),
        ...out("api-toronto", "+14165550199"),
        ...API_CALL,
        pbx: tenant.pbx.serial,
      },
    ]);
    const answer = await importPostedRecords(prisma, pool, "CALLS", tenant.pbx, body, "application/json");
    expect(answer.rowsStored).toBe(1);
    expect(await stored("api-toronto")).toMatchObject({ countryCode: "CA", area: 2, numberType: null });
  });

  describe("rated", () => {
    beforeAll(() => rateMonth(prisma, { month: "2026-10" }));

    it("prices a Canadian FreePhone DID called from a payphone at Canada's rate (finding 1)", async () => {
      // 600 s at CA's payphone 0.35/min, not the US's 0.30 (3.00).
      expect((await stored("ca-freephone-payphone")).cost?.toFixed(5)).toBe("3.50000");
      // Toronto is Area 2 (0.20/min): 60 s charged from the first second, not as US Area 1 included minutes.
      expect(await stored("toronto")).toMatchObject({ billedSeconds: 60 });
      expect((await stored("toronto")).cost?.toFixed(5)).toBe("0.20000");
    });

    it("charges an inbound call only when its DID is a FreePhone number, the source picking the rate (finding 2)", async () => {
      expect(await stored("geographic-mobile-source")).toMatchObject({ billedSeconds: 0 });
      expect((await stored("geographic-mobile-source")).cost?.toFixed(5)).toBe("0.00000");
      expect(await stored("freephone-mobile-source")).toMatchObject({ billedSeconds: 600 });
      expect((await stored("freephone-mobile-source")).cost?.toFixed(5)).toBe("0.40000"); // 0.04 x 600 / 60
    });
  });
});
