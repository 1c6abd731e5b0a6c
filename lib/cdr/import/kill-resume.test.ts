import { spawn } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { writeSyntheticCalls } from "./synthetic-calls";

const { prisma, url } = await createTestDatabase();
const CALLS = 3_000;

function runCli(...args: string[]) {
  // node itself (tsx loaded in-process), so the kill reaches the importing process, not a wrapper.
  return spawn(process.execPath, ["--import", "tsx", "scripts/cdr-import.ts", ...args], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("npm run cdr:import killed mid-import", () => {
  it("leaves no half-written batch, and running it again completes the import", async () => {
    const tenant = await makeTenant(prisma);
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), "cdr-kill-")), "calls.csv");
    await writeSyntheticCalls(file, {
      calls: CALLS,
      month: new Date("2026-10-01T00:00:00Z"),
      pbxs: [{ serial: tenant.pbx.serial, users: 8, dids: ["+4930901820", "+4930901821"] }],
    });

    const child = runCli(file, "--batch-rows", "100");
    const exited = new Promise((resolve) => child.on("exit", resolve));
    let job = null;
    for (let i = 0; i < 1200 && !(job && job.committedLine > 1000); i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await prisma.cdrImport.findFirst({ where: { fileName: file } });
    }
    child.kill("SIGKILL");
    await exited;

    const killed = await prisma.cdrImport.findFirstOrThrow({ where: { fileName: file } });
    expect(killed.status, String(killed.error)).toBe("RUNNING");
    expect(killed.committedLine).toBeLessThan(CALLS + 1);
    // Every committed batch is whole and nothing of the interrupted one is there.
    expect(await prisma.callRecord.count({ where: { pbxId: tenant.pbx.id } })).toBe(killed.rowsStored);
    expect((killed.committedLine - 1) % 100).toBe(0);

    // As the README gives it: the file alone, with the default batch size.
    const again = runCli(file);
    let output = "";
    again.stdout.on("data", (chunk) => (output += chunk));
    again.stderr.on("data", (chunk) => (output += chunk));
    expect(await new Promise((resolve) => again.on("exit", resolve)), output).toBe(0);
    expect(output).toContain(`Resuming import ${killed.id}`);
    const done = await prisma.cdrImport.findUniqueOrThrow({ where: { id: killed.id } });
    expect(done).toMatchObject({
      status: "DONE",
      rowsRead: CALLS,
      committedLine: CALLS + 1,
      rowsDuplicate: 0,
      rowsRefused: 0,
    });
    expect(await prisma.callRecord.count({ where: { pbxId: tenant.pbx.id } })).toBe(CALLS);
    // The command rated what it stored.
    expect(
      await prisma.callRecord.count({
        where: { pbxId: tenant.pbx.id, ratedAt: null, disposition: "ANSWERED", direction: "OUTBOUND" },
      }),
    ).toBe(0);
  }, 300_000);
});
