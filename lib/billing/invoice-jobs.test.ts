import { describe, expect, it } from "vitest";
import type { JobContext } from "@/lib/jobs/definition";
import { INVOICE_RUN_BATCH, invoiceRunBatchJob, invoiceRunDueJob, invoiceRunJob } from "@/lib/jobs/invoice-jobs";
import { makeTenant } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { unsafeInvoiceableMonths } from "./invoiceable-months";
import { makeCharge, makeService } from "./testing";

// The scheduled fan-out, its batch jobs and the per-partner-month job (docs/decisions/0059, 0064).
const { prisma } = await createTestDatabase();

async function partnerIn(timeZone: string) {
  const tenant = await makeTenant(prisma);
  await prisma.partner.update({ where: { id: tenant.partner.id }, data: { timeZone } });
  return tenant;
}

const dueFor = async (partnerIds: string[], now: Date) =>
  (await unsafeInvoiceableMonths(prisma, now)).filter((d) => partnerIds.includes(d.partnerId));

describe("which partner-months are due", () => {
  it("the previous local month, once it has ended in the partner's zone, for a week, while it has no invoice", async () => {
    const berlin = await partnerIn("Europe/Berlin");
    const angeles = await partnerIn("America/Los_Angeles");
    const ids = [berlin.partner.id, angeles.partner.id];
    // 23:30 UTC on 31 October: 00:30 on 1 November in Berlin, 16:30 on 31 October in Los Angeles.
    expect(await dueFor(ids, new Date("2026-10-31T23:30:00Z"))).toEqual([
      { partnerId: berlin.partner.id, month: "2026-10" },
    ]);
    // 8 November 09:00 UTC (01:00 local in Los Angeles): its October ended over a week ago, Berlin's earlier.
    expect(await dueFor(ids, new Date("2026-11-08T09:00:00Z"))).toEqual([]);
    // 7 November 08:00 UTC: midnight in Los Angeles, within the week for both.
    const due = await dueFor(ids, new Date("2026-11-07T08:00:00Z"));
    expect(due).toHaveLength(2);
    expect(due).toEqual(expect.arrayContaining(ids.map((partnerId) => ({ partnerId, month: "2026-10" }))));
  });

  it("the fan-out enqueues each due partner-month in one batch job, which drafts it once however often it runs", async () => {
    const tenant = await partnerIn("Europe/Berlin");
    const service = await makeService(prisma, tenant.pbx.id);
    await makeCharge(prisma, tenant, service.id, {
      kind: "ACTIVATION",
      amount: "42.00",
      createdAt: new Date("2026-10-15T10:00:00Z"),
    });
    const enqueued: { name: string; data: object; key?: string }[] = [];
    const now = new Date("2026-11-01T06:00:00Z");
    const context: JobContext = {
      db: prisma,
      sendMail: null,
      now: () => now,
      enqueue: async (name, data, key) => void enqueued.push({ name, data, key }),
    };
    await invoiceRunDueJob.run(context, invoiceRunDueJob.parse({}));
    const mine = enqueued.filter((e) => (e.data as { partnerIds: string[] }).partnerIds.includes(tenant.partner.id));
    expect(mine).toEqual([
      {
        name: INVOICE_RUN_BATCH,
        data: { month: "2026-10", partnerIds: expect.arrayContaining([tenant.partner.id]) },
        key: expect.stringMatching(/^2026-10:[0-9a-f]{32}$/),
      },
    ]);
    // Asked again, the same batch is the same job (one waiting job per key).
    await invoiceRunDueJob.run(context, invoiceRunDueJob.parse({}));
    expect(enqueued.at(-1)!.key).toBe(mine[0]!.key);

    for (let i = 0; i < 2; i++)
      expect(await invoiceRunBatchJob.run(context, invoiceRunBatchJob.parse(mine[0]!.data))).toMatchObject({
        month: "2026-10",
        drafted: 1,
        notDrafted: [],
      });
    expect(await prisma.invoice.count({ where: { partnerId: tenant.partner.id } })).toBe(1);
    // The admin's run of one partner: the same draft.
    expect(
      await invoiceRunJob.run(context, invoiceRunJob.parse({ partnerId: tenant.partner.id, month: "2026-10" })),
    ).toMatchObject({ outcome: "DRAFTED", net: "42.00" });
    expect(await prisma.invoice.count({ where: { partnerId: tenant.partner.id } })).toBe(1);
    // Drafted: the fan-out no longer asks for it.
    expect(await dueFor([tenant.partner.id], now)).toEqual([]);
    expect(() => invoiceRunJob.parse({ partnerId: tenant.partner.id, month: "2026-13" })).toThrow();
    expect(() => invoiceRunBatchJob.parse({ month: "2026-10", partnerIds: [] })).toThrow();
  });
});
