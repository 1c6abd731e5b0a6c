import { randomUUID } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localDriver } from "@/lib/storage/local-driver";
import { makeTenant } from "@/lib/testing/fixtures";
import { runToEnd, runUntilKilled } from "@/lib/testing/kill-point";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createImportRow } from "./create-import";
import { writeSyntheticCalls } from "./synthetic-calls";

const { prisma, url } = await createTestDatabase();
// The job's code in smaller batches than its 20,000 lines (the same code path, a twentieth of the
// rows to make): one batch committed, a second to be killed in.
const BATCH_ROWS = 1000;
const CALLS = BATCH_ROWS + 250;
// Lines (header = 1) given a caller that is no number: one in the committed batch, two in the killed one.
const BAD_LINES = [100, BATCH_ROWS + 25, BATCH_ROWS + 200];

// The imports page promises: "Its committed batches are kept; the job retries and resumes after them."
describe("a CDR upload killed mid-import, as the app's job runs it", () => {
  it("keeps the committed batch whole and nothing of the one in flight; the restarted job completes it once", async () => {
    const tenant = await makeTenant(prisma);
    const dir = await mkdtemp(path.join(os.tmpdir(), "cdr-upload-kill-"));
    const csvFile = path.join(dir, "calls.csv");
    await writeSyntheticCalls(csvFile, {
      calls: CALLS,
      month: new Date("2026-10-01T00:00:00Z"),
      pbxs: [{ serial: tenant.pbx.serial, users: 8, dids: ["+4930901830", "+4930901831"] }],
    });
    const lines = (await readFile(csvFile, "utf8")).split("\n");
    for (const line of BAD_LINES) {
      const cells = lines[line - 1]!.split(",");
      cells[3] = "not-a-number";
      lines[line - 1] = cells.join(",");
    }
    // Stored as an upload is: the file under a key in the data directory's storage, a QUEUED row.
    const storageKey = `cdr-import-${randomUUID()}`;
    await localDriver(path.join(dir, "uploads")).put(
      storageKey,
      new TextEncoder().encode(lines.join("\n")),
      "text/csv",
    );
    const { id } = await createImportRow(prisma, { source: "UPLOAD", fileName: "calls.csv", storageKey });
    const env = { DATABASE_URL: url, CLASSOUND_DATA_DIR: dir };

    // Killed in the second batch: its rows inserted, its counters not yet updated, nothing committed.
    await runUntilKilled(["cdr-upload", id, String(BATCH_ROWS), "1"], env);
    const killed = await prisma.cdrImport.findUniqueOrThrow({ where: { id } });
    expect(killed).toMatchObject({
      status: "RUNNING",
      committedLine: BATCH_ROWS + 1,
      rowsRead: BATCH_ROWS,
      rowsRefused: 1,
    });
    expect(await prisma.callRecord.count({ where: { pbxId: tenant.pbx.id } })).toBe(killed.rowsStored);
    expect(await prisma.cdrImportRefusal.count({ where: { importId: id } })).toBe(1);

    // The restarted app's job: the same run again.
    await runToEnd(["cdr-upload", id, String(BATCH_ROWS)], env);
    const done = await prisma.cdrImport.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({
      status: "DONE",
      rowsRead: CALLS,
      committedLine: CALLS + 1,
      rowsRefused: BAD_LINES.length,
      storageKey: null,
    });
    expect(done.rowsStored + done.rowsDuplicate).toBe(CALLS - BAD_LINES.length);
    expect(await prisma.callRecord.count({ where: { pbxId: tenant.pbx.id } })).toBe(done.rowsStored);
    expect(
      (await prisma.cdrImportRefusal.findMany({ where: { importId: id }, orderBy: { line: "asc" } })).map(
        (r) => r.line,
      ),
    ).toEqual(BAD_LINES);
  }, 300_000);
});
