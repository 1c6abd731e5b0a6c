import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeNumbers, makeTwoTenants } from "@/lib/testing/fixtures";
import { runUntilKilled } from "@/lib/testing/kill-point";
import { createTestDatabase } from "@/lib/testing/test-database";
import { CSV_COLUMNS, importLocationsCsv } from "./csv";

const { prisma, url } = await createTestDatabase();
const { a, b } = await makeTwoTenants(prisma);
const row = (e164: string, site: string, street: string, country = "IT") =>
  `${e164},${site},${street},10,10138,Torino,,${country},,,,,,\n`;

// The page promises: each row assigns a number to a site; refused rows change nothing and say why.
describe("the emergency CSV import killed mid-import", () => {
  it("keeps every row committed before the kill and nothing of the row in flight; the same file again completes it", async () => {
    const numbers = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 5, "IT");
    const [foreign] = await makeNumbers(prisma, { partnerId: b.partner.id, pbxId: b.pbx.id }, 1, "IT");
    const [n1, n2, n3, n4, n5] = numbers.map((n) => n.e164);
    const csv =
      CSV_COLUMNS.join(",") +
      "\n" +
      row(n1!, "Crash HQ", "Corso Francia") +
      row(n2!, "Crash HQ", "Corso Francia") +
      row(n3!, "Crash nowhere", "Corso Francia", "XX") +
      row(n4!, "Crash annex", "Via Roma") +
      row(foreign!.e164, "Crash HQ", "Corso Francia") +
      row(n5!, "Crash annex", "Via Roma");
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "emergency-kill-")), "locations.csv");
    await writeFile(file, csv);

    // Killed inside the fourth row's transaction (rows 1-3 each had one): its site is made and its
    // number assigned, not committed.
    await runUntilKilled(["emergency", a.partnerActor.userId, file, "4"], { DATABASE_URL: url });
    const status = async () =>
      (
        await prisma.phoneNumber.findMany({ where: { id: { in: numbers.map((n) => n.id) } }, orderBy: { e164: "asc" } })
      ).map((n) => n.emergencyStatus);
    expect(await status()).toEqual(["PENDING", "PENDING", "NO_LOCATION", "NO_LOCATION", "NO_LOCATION"]);
    expect(await prisma.emergencyLocation.count({ where: { name: { in: ["Crash annex", "Crash nowhere"] } } })).toBe(0);

    // The restarted app: the same file imported again.
    const report = await importLocationsCsv(prisma, a.partnerActor, csv);
    expect(report.rows.map((r) => [r.line, r.ok, r.message.replace(/: .*/, "")])).toEqual([
      [2, true, "Already at Crash HQ"],
      [3, true, "Already at Crash HQ"],
      [4, false, `${n3} is a IT number`],
      [5, true, "Assigned to Crash annex"],
      [6, false, "Not one of your numbers that need an emergency location"],
      [7, true, "Assigned to Crash annex"],
    ]);
    expect(await status()).toEqual(["PENDING", "PENDING", "NO_LOCATION", "PENDING", "PENDING"]);
    expect(await prisma.emergencyLocation.count({ where: { customerId: a.customer.id, name: "Crash annex" } })).toBe(1);
    expect((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: foreign!.id } })).emergencyStatus).toBe(
      "NO_LOCATION",
    );
  }, 60_000);
});
