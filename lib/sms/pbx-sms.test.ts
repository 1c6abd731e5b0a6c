import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { actorOf, makeNumbers, makeTenant, makeTenantUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { pbxSmsOverview } from "./pbx-sms";

const { prisma, url } = await createTestDatabase();

describe("the PBX's SMS overview", () => {
  it("names the two-way SMS countries of the PBX's own numbers, without reading the numbers", async () => {
    const [tenant, other] = [await makeTenant(prisma), await makeTenant(prisma)];
    const owner = { partnerId: tenant.partner.id, pbxId: tenant.pbx.id };
    await makeNumbers(prisma, owner, 3, "IT");
    await makeNumbers(prisma, owner, 2, "GB");
    await makeNumbers(prisma, { partnerId: other.partner.id, pbxId: other.pbx.id }, 2, "US");
    await prisma.country.updateMany({ where: { code: { in: ["IT", "US"] } }, data: { twoWaySms: true } });
    await prisma.country.updateMany({ where: { code: "GB" }, data: { twoWaySms: false } });
    const actor = actorOf(await makeTenantUser(prisma, "PARTNER", tenant));

    // The statements the overview sends, from the page bench's query log (lib/db/client.ts).
    const log = path.join(await mkdtemp(path.join(tmpdir(), "sms-overview-")), "queries.log");
    vi.stubEnv("CLASSOUND_QUERY_LOG", log);
    const logged = createPrismaClient(url, 1);
    try {
      const overview = await pbxSmsOverview(logged, actor, tenant.pbx.id);
      expect(overview.twoWayCountries).toEqual(["Italy"]);
      expect(overview.allTwoWayCountries).toEqual(expect.arrayContaining(["Italy", "United States"]));
    } finally {
      await logged.$disconnect();
      vi.unstubAllEnvs();
    }
    // A PBX with 50,000 numbers made the page read every one of them to find its countries.
    const statements = (await readFile(log, "utf8")).split("\n").filter(Boolean);
    expect(statements.filter((line) => /\tSELECT "public"\."PhoneNumber"\./.test(line))).toEqual([]);
  });
});
