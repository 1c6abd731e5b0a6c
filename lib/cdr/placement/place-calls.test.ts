import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db/generated/client";
import { storedCall } from "@/lib/testing/calls";
import { makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { placeCalls } from "./place-calls";

// Calls written by another path than the import (the seed, tests, calls stored before decision 0043)
// are placed by placeCalls, once per prefix, by joins.
const { prisma } = await createTestDatabase();
let tenant: Tenant;
const OCTOBER = { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-01T00:00:00Z") };

const call = (fields: Partial<Prisma.CallRecordCreateManyInput>) =>
  storedCall(tenant, { startedAt: new Date("2026-10-15T09:00:00Z"), ...fields });
const placement = async (externalId: string) => {
  const c = await prisma.callRecord.findFirstOrThrow({ where: { externalId } });
  return [c.countryCode, c.area, c.numberType];
};

describe("placeCalls", () => {
  beforeAll(async () => {
    tenant = await makeTenant(prisma); // Germany
    await prisma.country.createMany({
      data: [
        { code: "CA", name: "Canada", dialCode: "1", callTerminationArea: 2 },
        { code: "GG", name: "Guernsey", dialCode: "44", callTerminationArea: 3 },
      ],
    });
    await prisma.phoneNumber.create({
      data: { e164: "+498007240100", countryCode: "DE", type: "FREEPHONE", status: "ASSIGNED", pbxId: tenant.pbx.id },
    });
    // A verdict cached earlier is the verdict: the prefix is not placed again.
    await prisma.numberPrefixPlacement.create({ data: { prefix: "+1905", countryCode: "GG" } });
    await prisma.callRecord.createMany({
      data: [
        call({ externalId: "toronto-1", toE164: "+14165550123" }),
        call({ externalId: "toronto-2", toE164: "+14165559876" }),
        call({ externalId: "cached", toE164: "+19055550123" }),
        call({ externalId: "guernsey", toE164: "+447911123456" }),
        call({ externalId: "munich", toE164: "+4989123456" }),
        // The seed writes the country of its calls, not the DID's type.
        call({
          externalId: "seeded-freephone",
          direction: "INBOUND",
          extension: null,
          fromE164: "+4915112345678",
          toE164: "+498007240100",
          didE164: "+498007240100",
          countryCode: "DE",
        }),
        call({ externalId: "september", toE164: "+14165550123", startedAt: new Date("2026-09-30T23:00:00Z") }),
      ],
    });
  });

  it("fills each call's country, area and DID type, placing each prefix once", async () => {
    expect(await placeCalls(prisma, OCTOBER)).toBe(6);
    expect(await placement("toronto-1")).toEqual(["CA", 2, null]);
    expect(await placement("toronto-2")).toEqual(["CA", 2, null]);
    expect(await placement("cached")).toEqual(["GG", 3, null]);
    expect(await placement("guernsey")).toEqual(["GG", 3, null]);
    expect(await placement("munich")).toEqual(["DE", 1, null]);
    expect(await placement("seeded-freephone")).toEqual(["DE", null, "FREEPHONE"]);
    expect(await placement("september")).toEqual([null, null, null]);
    const cache = await prisma.numberPrefixPlacement.findMany({ orderBy: { prefix: "asc" } });
    expect(cache.map((p) => [p.prefix, p.countryCode])).toEqual([
      ["+1416", "CA"],
      ["+1905", "GG"],
      ["+44791112xxxx", "GG"],
      ["+49", "DE"],
    ]);
  });

  it("writes nothing when run again", async () => {
    expect(await placeCalls(prisma, OCTOBER)).toBe(0);
  });
});
