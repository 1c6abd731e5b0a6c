import { describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { makeNumbers, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { CSV_COLUMNS, importLocationsCsv } from "./csv";

const { prisma } = await createTestDatabase();
const { a } = await makeTwoTenants(prisma);
const header = CSV_COLUMNS.join(",") + "\n";
const turinRow = (e164: string, site: string, country = "IT") =>
  `${e164},${site},Corso Francia,10,10138,Torino,,${country},,,,,,\n`;

// The page promises: "Each row assigns a number to a site … Refused rows change nothing and say why."
describe("CSV import: every row stored or refused with its reason, never a failure after a partial write", () => {
  it("refuses a row with an unknown country, keeps the rows before and after it, and leaves no site of it", async () => {
    const [n1, n2, n3] = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 3, "IT");
    const report = await importLocationsCsv(
      prisma,
      a.partnerActor,
      header + turinRow(n1!.e164, "XX before") + turinRow(n2!.e164, "XX site", "XX") + turinRow(n3!.e164, "XX after"),
    );
    expect(report).toMatchObject({ stored: 2, refused: 1 });
    expect(report.rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(report.rows[1]!.message).toMatch(/must be in IT, not XX/);
    expect(await prisma.emergencyLocation.count({ where: { name: "XX site" } })).toBe(0);
    expect(await prisma.phoneNumber.findUniqueOrThrow({ where: { id: n2!.id } })).toMatchObject({
      emergencyStatus: "NO_LOCATION",
      emergencyLocationId: null,
    });
    expect((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: n3!.id } })).emergencyStatus).toBe("PENDING");
  });

  it("answers a report, not an error, when a row fails on our side: the rows stored, that row and the rest not", async () => {
    const [n1, n2, n3] = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: a.pbx.id }, 3, "IT");
    // The database gives way at the second row's transaction (a lost connection, a deadlock).
    let transactions = 0;
    const failing = new Proxy(prisma, {
      get: (target, key, receiver) =>
        key === "$transaction"
          ? (...args: Parameters<Db["$transaction"]>) => {
              if (++transactions === 2) return Promise.reject(new Error("Connection terminated unexpectedly"));
              return (target.$transaction as (...a: unknown[]) => Promise<unknown>)(...args);
            }
          : Reflect.get(target, key, receiver),
    }) as Db;
    const csv = header + turinRow(n1!.e164, "Lost 1") + turinRow(n2!.e164, "Lost 2") + turinRow(n3!.e164, "Lost 3");
    const report = await importLocationsCsv(failing, a.partnerActor, csv);
    expect(report).toMatchObject({ stored: 1, refused: 2 });
    expect(report.rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
    ]);
    expect(report.rows[1]!.message).toMatch(/on our side/);
    expect(report.rows[2]!.message).toMatch(/not imported/i);
    expect(
      await prisma.phoneNumber.count({ where: { id: { in: [n2!.id, n3!.id] }, emergencyStatus: "PENDING" } }),
    ).toBe(0);

    // The same file again resumes: the stored row is already there, the others are stored now.
    const again = await importLocationsCsv(prisma, a.partnerActor, csv);
    expect(again.rows.map((r) => r.message)).toEqual(["Already at Lost 1", "Assigned to Lost 2", "Assigned to Lost 3"]);
  });
});
