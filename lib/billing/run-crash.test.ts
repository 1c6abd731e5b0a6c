import { spawn } from "node:child_process";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { rateMonth } from "@/lib/cdr/rating/rate-month";
import { makeCountry, makeTenant, type Tenant } from "@/lib/testing/fixtures";
import { makePriceList } from "@/lib/testing/price-lists";
import { createTestDatabase } from "@/lib/testing/test-database";
import { runInvoiceBatch } from "./run-invoice-batch";
import { callOf, makeCharge, makeService } from "./testing";

// Issue 33: a run killed in the middle leaves no half invoice (docs/decisions/0064). The batch runs in
// a process of its own; the test holds a lock on one charge the batch marks as invoiced, so the batch
// stops inside its transaction after writing the invoices and their lines, and is killed there.
const { prisma, url } = await createTestDatabase();
const MONTH = "2026-10";
const CHILD = "invoice-crash-child";

let tenants: Tenant[];
beforeAll(async () => {
  await makeCountry(prisma, { code: "DE", area: 1 });
  await prisma.country.create({
    data: { code: "AG", name: "Antigua and Barbuda", dialCode: "1268", callTerminationArea: 4 },
  });
  await makePriceList(prisma, "GOLD", { areas: { 1: "0.01200", 4: "0.30000" } });
  tenants = [await makeTenant(prisma), await makeTenant(prisma)];
  for (const tenant of tenants) {
    const service = await makeService(prisma, tenant.pbx.id);
    for (const amount of ["100.00", "35.50"])
      await makeCharge(prisma, tenant, service.id, {
        kind: "ACTIVATION",
        amount,
        createdAt: new Date("2026-10-10T10:00:00Z"),
      });
    await prisma.callRecord.create({
      data: callOf(tenant, tenant.pbx.id, {
        countryCode: "AG",
        area: 4,
        toE164: "+12684601234",
        startedAt: new Date("2026-10-11T10:00:00Z"),
        durationSeconds: 120,
      }),
    });
    await rateMonth(prisma, { month: MONTH, partnerId: tenant.partner.id });
  }
});

/**
 * The child's session, once it waits for a lock: what it runs, and the tables it has written. Read
 * outside the blocking transaction, which would see one snapshot of the statistics views throughout.
 */
async function childWaiting() {
  const [session] = await prisma.$queryRawUnsafe<{ pid: number; query: string; written: string[] }[]>(
    `SELECT a.pid, a.query,
       array(SELECT c.relname::text FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
             WHERE l.pid = a.pid AND l.mode = 'RowExclusiveLock' ORDER BY 1) AS written
     FROM pg_stat_activity a WHERE a.application_name = $1 AND a.wait_event_type = 'Lock'`,
    CHILD,
  );
  return session;
}

describe("a run killed in the middle", () => {
  it("leaves no invoice, no line and no charge marked invoiced; the next run drafts the whole month", async () => {
    const partnerIds = tenants.map((t) => t.partner.id);
    const lastCharge = await prisma.serviceCharge.findFirstOrThrow({
      where: { partnerId: { in: partnerIds } },
      orderBy: { id: "desc" },
    });
    const blocker = new pg.Client({ connectionString: url });
    // A failing test leaves it to the database's drop, which ends its session.
    blocker.on("error", () => undefined);
    await blocker.connect();
    const child = spawn(
      "./node_modules/.bin/tsx",
      ["lib/billing/run-crash-child.ts", `${url}?application_name=${CHILD}`, MONTH, partnerIds.join(",")],
      // Its own process group: tsx runs the script in a child process of its own, killed with it.
      { detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT 1 FROM "ServiceCharge" WHERE id = $1 FOR UPDATE`, [lastCharge.id]);
      // The batch claims its charges last: waiting there, it has written both invoices and their lines.
      const waiting = await vi.waitFor(
        async () => {
          const session = await childWaiting();
          if (!session) throw new Error(`The batch is not waiting yet. ${output}`);
          return session;
        },
        { timeout: 30_000, interval: 100 },
      );
      expect(waiting.query).toMatch(/UPDATE "ServiceCharge" t SET "invoiceId"/);
      expect(waiting.written).toEqual(expect.arrayContaining(["Invoice", "InvoiceLine"]));

      process.kill(-child.pid!, "SIGKILL");
      expect(await exited).toBe("SIGKILL");
    } finally {
      // Released, the orphaned session finds its client gone and rolls back.
      await blocker.query("ROLLBACK");
      await blocker.end();
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    }
    await vi.waitFor(
      async () => {
        const sessions = await prisma.$queryRawUnsafe<unknown[]>(
          `SELECT 1 FROM pg_stat_activity WHERE application_name = $1`,
          CHILD,
        );
        expect(sessions).toHaveLength(0);
      },
      { timeout: 20_000, interval: 100 },
    );

    expect(await prisma.invoice.count({ where: { partnerId: { in: partnerIds } } })).toBe(0);
    expect(await prisma.invoiceLine.count()).toBe(0);
    expect(
      await prisma.serviceCharge.count({ where: { partnerId: { in: partnerIds }, invoiceId: { not: null } } }),
    ).toBe(0);

    const { results } = await runInvoiceBatch(prisma, { month: MONTH, partnerIds }, new Date());
    // 100.00 + 35.50 + 120 s × 0.30 / 60 (0.60), for each partner.
    expect(results.map((r) => r.outcome === "DRAFTED" && [r.net, r.lines])).toEqual([
      ["136.10", 3],
      ["136.10", 3],
    ]);
    expect(await prisma.invoiceLine.count()).toBe(6);
    expect(await prisma.serviceCharge.count({ where: { partnerId: { in: partnerIds }, invoiceId: null } })).toBe(0);
  }, 60_000);
});
