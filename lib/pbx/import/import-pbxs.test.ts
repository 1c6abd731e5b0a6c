import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AGREEMENT_SUSPENDED_MESSAGE } from "@/lib/auth/policy";
import { toCsv } from "@/lib/csv/cell";
import { makeCustomer, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { registerPbx } from "../register";
import { PBX_CSV_COLUMNS, PBX_IMPORT_MAX_ROWS, pbxImportTemplate } from "./columns";
import { importPbxsCsv } from "./import-pbxs";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const hotel = await makeCustomer(prisma, a.partner.id, "Alpenblick Hotel");
const archived = await makeCustomer(prisma, a.partner.id, "Closed Down GmbH");
await prisma.customer.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
const stored = async () => ({ pbxs: await prisma.pbx.count(), events: await prisma.pbxLicenseEvent.count() });

let serials = 0;
/** A good row, as cells in the header's order. */
const row = (overrides: Partial<Record<(typeof PBX_CSV_COLUMNS)[number], string>> = {}) => {
  const cells: Record<string, string> = {
    customer: "alpenblick hotel",
    serial: `CS-IMP-${String(++serials).padStart(4, "0")}`,
    name: "Front desk",
    licensing: "PER_USER",
    plan: "YEARLY",
    term_start: "2026-05-01",
    term_end: "2027-05-01",
    basic: "4",
    essential: "0",
    business: "1",
    premium: "0",
    software_version: "6.01",
    ...overrides,
  };
  return PBX_CSV_COLUMNS.map((column) => cells[column]!);
};
const file = (...rows: string[][]) => toCsv([[...PBX_CSV_COLUMNS], ...rows]);

describe("importing PBXs from CSV", () => {
  it("stores every row of a good file in one go, each with its REGISTERED event", async () => {
    const rows = [
      row(),
      row({ customer: a.customer.id, plan: "LIFETIME", licensing: "PER_SYSTEM", term_end: "" }),
      row({ serial: "cs-imp-lower", basic: "12" }),
    ];
    const report = await importPbxsCsv(prisma, a.partnerActor, file(...rows));
    expect(report).toMatchObject({ stored: 3, refused: 0, refusals: [] });
    const pbxs = await prisma.pbx.findMany({
      where: { serial: { in: [rows[0]![1]!, rows[1]![1]!, "CS-IMP-LOWER"] } },
      include: { licenseEvents: true },
      orderBy: { serial: "asc" },
    });
    expect(pbxs.map((p) => [p.customerId, p.licensePlan, p.termExpiry])).toEqual([
      [hotel.id, "YEARLY", new Date("2027-05-01T00:00:00Z")],
      [a.customer.id, "LIFETIME", null],
      [hotel.id, "YEARLY", new Date("2027-05-01T00:00:00Z")],
    ]);
    expect(pbxs.every((p) => p.licenseEvents.length === 1 && p.licenseEvents[0]!.kind === "REGISTERED")).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "pbx.imported", actorId: a.partnerActor.userId } })).toBe(1);
  });

  it("stores nothing when any row is refused, and reports every refused row with its line and column", async () => {
    const taken = await registerPbx(prisma, b.partnerActor, {
      customerId: b.customer.id,
      serial: "CS-TAKEN-0001",
      name: "Elsewhere",
      licensing: "PER_USER",
      licensePlan: "MONTHLY",
      termStart: "2026-11-01",
      termEnd: "2026-12-01",
      basic: 1,
      essential: 0,
      business: 0,
      premium: 0,
      softwareVersion: "6.0",
    });
    const before = await stored();
    const report = await importPbxsCsv(
      prisma,
      a.partnerActor,
      file(
        row(), // line 2: good
        row({ serial: "X!" }), // 3
        row({ serial: "CS-DUP-0001" }), // 4
        row({ serial: "cs-dup-0001" }), // 5: the same serial as line 4
        row({ customer: "Nobody Ltd" }), // 6
        row({ customer: b.customer.id }), // 7: another partner's customer
        row({ customer: "Closed Down GmbH" }), // 8
        row({ basic: "-3", term_end: "2026-04-01" }), // 9
        row({ serial: taken.serial }), // 10
        row({ plan: "LIFETIME" }), // 11: a lifetime licence with an end
      ),
    );
    expect(report).toMatchObject({ stored: 0, refused: 8, rows: 10 });
    expect(report.refusals).toEqual([
      { line: 3, column: "serial", message: expect.stringMatching(/4 to 40 letters/) },
      { line: 5, column: "serial", message: "The serial CS-DUP-0001 is also on line 4: each PBX once" },
      { line: 6, column: "customer", message: "No customer of yours is named or has the id “Nobody Ltd”" },
      { line: 7, column: "customer", message: expect.stringMatching(/No customer of yours/) },
      { line: 8, column: "customer", message: expect.stringMatching(/Closed Down GmbH is archived/) },
      { line: 9, column: "basic", message: "Basic users cannot be negative" },
      { line: 9, column: "term_end", message: "The term end must be after the term start" },
      { line: 10, column: "serial", message: expect.stringMatching(/serial CS-TAKEN-0001 is already registered/) },
      { line: 11, column: "term_end", message: expect.stringMatching(/lifetime licence has no term end/) },
    ]);
    expect(await stored()).toEqual(before);
  });

  it("refuses a file with a wrong header, no rows or too many rows, before reading its rows", async () => {
    await expect(importPbxsCsv(prisma, a.partnerActor, "customer,serial\nx,y\n")).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringMatching(/lacks name, licensing, plan/),
    });
    await expect(importPbxsCsv(prisma, a.partnerActor, file())).rejects.toMatchObject({ code: "INVALID" });
    await expect(importPbxsCsv(prisma, a.partnerActor, 'customer,"serial\n')).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringMatching(/not a readable CSV file/),
    });
    const many = file(...Array.from({ length: PBX_IMPORT_MAX_ROWS + 1 }, () => row()));
    await expect(importPbxsCsv(prisma, a.partnerActor, many)).rejects.toMatchObject({ code: "TOO_LARGE" });
  });

  it("imports the template's own rows once their customer is named", async () => {
    const template = pbxImportTemplate().replaceAll("Your customer's name", "Alpenblick Hotel");
    expect(await importPbxsCsv(prisma, a.partnerActor, template)).toMatchObject({ stored: 2 });
    // Imported again, every serial is refused and nothing more is stored.
    expect(await importPbxsCsv(prisma, a.partnerActor, template)).toMatchObject({ stored: 0, refused: 2 });
  });

  it("lets an admin import for any partner's customer by id, and refuses a suspended partner", async () => {
    expect(await importPbxsCsv(prisma, admin, file(row({ customer: b.customer.id })))).toMatchObject({ stored: 1 });
    const suspended: Actor = { ...a.partnerActor, agreementSuspended: true };
    const before = await stored();
    await expect(importPbxsCsv(prisma, suspended, file(row()))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: AGREEMENT_SUSPENDED_MESSAGE,
    });
    expect(await stored()).toEqual(before);
  });
});
