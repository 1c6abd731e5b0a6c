import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CALL_COLUMNS } from "@/lib/cdr/import/call-row";
import { createImportRow } from "@/lib/cdr/import/create-import";
import { runCallImport } from "@/lib/cdr/import/import-calls";
import { makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { callLine, recordFile } from "@/lib/testing/record-csv";
import { createTestDatabase } from "@/lib/testing/test-database";

// Decision 0041: an import names the months to rate as its partners' calendar months, so the rating
// that follows it (file import, API post, `npm run cdr:import`) rates the month each call counts in.
const { prisma, url } = await createTestDatabase();
const pool = new pg.Pool({ connectionString: url, max: 2 });
afterAll(() => pool.end());

let berlin: Tenant;
let newYork: Tenant;
beforeAll(async () => {
  berlin = await makeTenant(prisma); // Europe/Berlin
  newYork = await makeTenant(prisma);
  await prisma.partner.update({ where: { id: newYork.partner.id }, data: { timeZone: "America/New_York" } });
});

const line = (tenant: Tenant, id: string, startedAt: string) =>
  callLine(id, tenant.pbx.serial, { started_at: startedAt, answered_at: startedAt, duration: "60" });

it("reports the partner-local months of the calls it stored, not their UTC months", async () => {
  const { id } = await createImportRow(prisma, { source: "COMMAND", fileName: "months.csv" });
  const csv = recordFile(CALL_COLUMNS, [
    line(berlin, "berlin-nov", "2026-10-31T23:30:00Z"), // 00:30 on 1 November in Berlin
    line(newYork, "new-york-oct", "2026-11-01T02:00:00Z"), // 22:00 on 31 October in New York
  ]);
  const outcome = await runCallImport(pool, id, csv);
  expect(outcome.rowsStored).toBe(2);
  expect(outcome.months).toEqual(["2026-10-01", "2026-11-01"]);
  // Each month named is the local one: the Berlin call's UTC month (October) is named only for New York's call.
  const alone = await createImportRow(prisma, { source: "COMMAND", fileName: "berlin.csv" });
  const berlinOnly = recordFile(CALL_COLUMNS, [line(berlin, "berlin-nov-2", "2026-10-31T23:40:00Z")]);
  expect((await runCallImport(pool, alone.id, berlinOnly)).months).toEqual(["2026-11-01"]);
});
