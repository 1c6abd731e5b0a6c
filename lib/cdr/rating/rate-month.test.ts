import { beforeAll, describe, expect, it } from "vitest";
import { END_USER_TIER_CODE } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/db/generated/client";
import { storedCall } from "@/lib/testing/calls";
import { makeCountry, makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { makePriceList } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { rateMonth } from "./rate-month";

const { prisma } = await createTestDatabase();
let tenant: Tenant;
const OCT = (day: number, hour = 9) => new Date(Date.UTC(2026, 9, day, hour));

const priceList = (tierCode: string, area1: string, area4: string, mobileFreephone: string) =>
  makePriceList(prisma, tierCode, {
    areas: { 1: area1, 4: area4 },
    freephone: [{ countryCode: "DE", source: "MOBILE", perMinute: mobileFreephone }],
  });

beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.createMany({
    data: [
      { code: "US", name: "United States", dialCode: "1", callTerminationArea: 1 },
      { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
    ],
  });
  tenant = await makeTenant(prisma); // tier GOLD
  // Only a FreePhone number of the inventory is charged inbound (R6, R7, decision 0043).
  await prisma.phoneNumber.create({
    data: { e164: "+498001234567", countryCode: "DE", type: "FREEPHONE", status: "ASSIGNED", pbxId: tenant.pbx.id },
  });
  await priceList("GOLD", "0.01200", "0.30000", "0.04000");
  await priceList(END_USER_TIER_CODE, "0.02000", "0.50000", "0.06000");
});

const call = (
  fields: Partial<Prisma.CallRecordCreateManyInput> &
    Pick<Prisma.CallRecordCreateManyInput, "startedAt" | "durationSeconds">,
) => storedCall(tenant, fields);
const find = (externalId: string) => prisma.callRecord.findFirstOrThrow({ where: { externalId } });

describe("rateMonth", () => {
  beforeAll(async () => {
    await prisma.callRecord.createMany({
      data: [
        // Last month's Area 1 minutes do not count against October's.
        call({ externalId: "september", startedAt: new Date(Date.UTC(2026, 8, 30, 12)), durationSeconds: 14_400 }),
        // 12 x 240 min + 119 min = 2999 of extension 100's 3000 included minutes.
        ...Array.from({ length: 12 }, (_, i) => call({ startedAt: OCT(1, i), durationSeconds: 14_400 })),
        call({ startedAt: OCT(2), durationSeconds: 7_140 }),
        call({ externalId: "boundary", startedAt: OCT(3), durationSeconds: 150 }),
        call({ externalId: "past", startedAt: OCT(4), durationSeconds: 30 }),
        call({ externalId: "other-user", extension: "101", startedAt: OCT(4), durationSeconds: 600 }),
        call({ externalId: "area4", extension: "101", toE164: "+12684601234", startedAt: OCT(5), durationSeconds: 61 }),
        call({
          externalId: "us",
          extension: "101",
          toE164: "+12125550123",
          startedAt: OCT(5, 10),
          durationSeconds: 60,
        }),
        call({
          externalId: "freephone",
          direction: "INBOUND",
          extension: null,
          fromE164: "+4915112345678",
          toE164: "+498001234567",
          didE164: "+498001234567",
          freephoneSource: "MOBILE",
          startedAt: OCT(6),
          durationSeconds: 45,
        }),
        call({
          externalId: "did",
          direction: "INBOUND",
          extension: null,
          fromE164: "+4915112345678",
          toE164: "+4930901820",
          startedAt: OCT(6),
          durationSeconds: 300,
        }),
        call({
          externalId: "busy",
          disposition: "BUSY",
          toE164: "+12684601234",
          startedAt: OCT(7),
          durationSeconds: 0,
        }),
      ],
    });
    await prisma.smsRecord.createMany({
      data: Array.from({ length: 202 }, (_, i) => ({
        partnerId: tenant.partner.id,
        customerId: tenant.customer.id,
        pbxId: tenant.pbx.id,
        externalId: `s${i}`,
        direction: "OUTBOUND" as const,
        fromE164: "+4930901820",
        toE164: "+4915112345678",
        extension: "100",
        sentAt: new Date(OCT(8).getTime() + i * 1000),
        cost: 0,
        currency: "EUR",
      })),
    });
    await rateMonth(prisma, { month: "2026-10" });
  });

  it("draws Area 1 from the user's own 3000 minutes and charges per second past them (R5)", async () => {
    // 60 s left of the allowance: 90 of the 150 s are billed, at 0.012/min (Gold) and 0.02/min (End User).
    expect(await find("boundary")).toMatchObject({ area: 1, countryCode: "DE", billedSeconds: 90 });
    expect((await find("boundary")).cost?.toFixed(5)).toBe("0.01800");
    expect((await find("boundary")).endUserCost?.toFixed(5)).toBe("0.03000");
    expect((await find("past")).cost?.toFixed(5)).toBe("0.00600");
    // Not pooled: another user's minutes are still free.
    expect(await find("other-user")).toMatchObject({ billedSeconds: 0 });
    expect((await find("other-user")).cost?.toFixed(5)).toBe("0.00000");
  });

  it("charges Areas 2-6 per second from the first second, by the longest prefix", async () => {
    const area4 = await find("area4");
    expect(area4).toMatchObject({ area: 4, countryCode: "AG", billedSeconds: 61 });
    expect(area4.cost?.toFixed(5)).toBe("0.30500"); // 0.30 x 61 / 60
    expect(area4.endUserCost?.toFixed(5)).toBe("0.50833"); // 0.50 x 61 / 60 = 0.508333…
    expect(await find("us")).toMatchObject({ area: 1, countryCode: "US", billedSeconds: 0 });
  });

  it("charges FreePhone inbound by the caller's source (R7); other inbound and unanswered calls are free", async () => {
    const freephone = await find("freephone");
    expect(freephone).toMatchObject({ countryCode: "DE", area: null, billedSeconds: 45 });
    expect(freephone.cost?.toFixed(5)).toBe("0.03000"); // 0.04 x 45 / 60
    expect(freephone.endUserCost?.toFixed(5)).toBe("0.04500");
    expect((await find("did")).cost?.toFixed(5)).toBe("0.00000");
    expect(await find("busy")).toMatchObject({ billedSeconds: 0, area: 4 });
    expect((await find("september")).ratedAt).toBeNull();
  });

  it("charges each SMS past a user's 200 a month at the Area 1 rate (R15)", async () => {
    const charged = await prisma.smsRecord.findMany({ where: { cost: { gt: 0 } }, orderBy: { sentAt: "asc" } });
    expect(charged.map((s) => [s.externalId, s.cost?.toFixed(5), s.endUserCost?.toFixed(5)])).toEqual([
      ["s200", "0.01200", "0.02000"],
      ["s201", "0.01200", "0.02000"],
    ]);
  });

  it("gives the same result when run again, writing nothing", async () => {
    const before = await prisma.callRecord.findMany({
      orderBy: { externalId: "asc" },
      select: { externalId: true, cost: true, ratedAt: true },
    });
    expect(await rateMonth(prisma, { month: "2026-10-15" })).toEqual({ calls: 0, sms: 0 });
    const after = await prisma.callRecord.findMany({
      orderBy: { externalId: "asc" },
      select: { externalId: true, cost: true, ratedAt: true },
    });
    expect(after).toEqual(before);
  });
});

describe("incremental rating (scope new, decision 0052)", () => {
  const DEC = (day: number, hour = 9) => new Date(Date.UTC(2026, 11, day, hour));
  const ratedOf = async () =>
    Object.fromEntries(
      (
        await prisma.callRecord.findMany({
          where: { externalId: { startsWith: "dec-" } },
          select: { externalId: true, ratedAt: true, billedSeconds: true },
        })
      ).map((c) => [c.externalId, c]),
    );

  it("re-rates a late call's user from that call on, and no other call", async () => {
    await prisma.callRecord.createMany({
      data: [
        // 12 x 14,400 s + 7,000 s = 179,800 of extension 200's 180,000 included seconds.
        ...Array.from({ length: 12 }, (_, i) =>
          call({ externalId: `dec-early-${i}`, extension: "200", startedAt: DEC(1, i), durationSeconds: 14_400 }),
        ),
        call({ externalId: "dec-10", extension: "200", startedAt: DEC(10), durationSeconds: 7_000 }),
        call({ externalId: "dec-20", extension: "200", startedAt: DEC(20), durationSeconds: 300 }),
        call({ externalId: "dec-other-user", extension: "201", startedAt: DEC(25), durationSeconds: 600 }),
      ],
    });
    await rateMonth(prisma, { month: "2026-12", scope: "new" });
    const before = await ratedOf();
    expect(before["dec-20"].billedSeconds).toBe(100);

    // A mark on a call before the late one: an incremental rating does not read it (a full one would mend it).
    await prisma.callRecord.updateMany({ where: { externalId: "dec-10" }, data: { billedSeconds: 1 } });
    // A late call on the 15th uses the last 200 included seconds: the 20th's call is now all billed.
    await prisma.callRecord.create({
      data: call({ externalId: "dec-late", extension: "200", startedAt: DEC(15), durationSeconds: 200 }),
    });
    expect(await rateMonth(prisma, { month: "2026-12", scope: "new" })).toEqual({ calls: 2, sms: 0 });
    const after = await ratedOf();
    expect(after["dec-late"]).toMatchObject({ billedSeconds: 0 });
    expect(after["dec-20"]).toMatchObject({ billedSeconds: 300 });
    for (const untouched of ["dec-early-0", "dec-early-11", "dec-other-user"])
      expect(after[untouched], untouched).toEqual(before[untouched]);
    expect(after["dec-10"].billedSeconds).toBe(1);

    // Nothing new: nothing read, nothing written; a full rating mends only the mark.
    expect(await rateMonth(prisma, { month: "2026-12", scope: "new" })).toEqual({ calls: 0, sms: 0 });
    expect(await rateMonth(prisma, { month: "2026-12" })).toEqual({ calls: 1, sms: 0 });
    expect((await ratedOf())["dec-10"].billedSeconds).toBe(0);
    expect(
      await prisma.includedUsageMonth.findUnique({
        where: { month_pbxId_extension: { month: new Date("2026-12-01"), pbxId: tenant.pbx.id, extension: "200" } },
      }),
    ).toMatchObject({ area1Seconds: 180_300n });
  });
});
