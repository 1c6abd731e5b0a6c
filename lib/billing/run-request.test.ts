import { beforeAll, describe, expect, it } from "vitest";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { requestInvoiceRuns } from "./run-request";
import { ZRunMonthRequest } from "./schemas";

const { prisma } = await createTestDatabase();
const NOW = new Date("2026-12-07T10:00:00Z");
let t: Awaited<ReturnType<typeof makeTwoTenants>>;
beforeAll(async () => {
  t = await makeTwoTenants(prisma);
});

describe("requestInvoiceRuns", () => {
  it("asks for one partner's month, audited, as the job's input", async () => {
    const request = await requestInvoiceRuns(
      prisma,
      t.admin,
      { who: "one", partnerId: t.a.partner.id, month: "2026-11" },
      NOW,
    );
    expect(request).toMatchObject({
      count: 1,
      jobs: [{ partnerId: t.a.partner.id, month: "2026-11" }],
      named: [t.a.partner.name],
    });
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "invoice.run_requested", entityId: t.a.partner.id },
    });
    expect(entry.detail).toEqual({ month: "2026-11", partners: 1 });
  });

  it("asks for every partner's month", async () => {
    const request = await requestInvoiceRuns(prisma, t.admin, { who: "all", partnerId: "", month: "2026-11" }, NOW);
    expect(request.jobs.map((j) => j.partnerId)).toEqual(expect.arrayContaining([t.a.partner.id, t.b.partner.id]));
    expect(request.count).toBe(await prisma.partner.count());
  });

  it("refuses a month that has not ended, beside the month", async () => {
    await expect(
      requestInvoiceRuns(prisma, t.admin, { who: "all", partnerId: "", month: "2026-12" }, NOW),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { month: [expect.any(String)] } });
  });

  it("refuses a partner, and says a missing partner beside the picker", async () => {
    await expect(
      requestInvoiceRuns(prisma, t.a.partnerActor, { who: "one", partnerId: t.a.partner.id, month: "2026-11" }, NOW),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      requestInvoiceRuns(
        prisma,
        t.admin,
        { who: "one", partnerId: "cmissing000000000000000000", month: "2026-11" },
        NOW,
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND", fieldErrors: { partnerId: [expect.any(String)] } });
  });

  it("needs a partner only when running one", () => {
    expect(ZRunMonthRequest.safeParse({ who: "one", partnerId: "", month: "2026-11" }).error?.issues[0]?.path).toEqual([
      "partnerId",
    ]);
    expect(ZRunMonthRequest.safeParse({ who: "all", partnerId: "", month: "2026-11" }).success).toBe(true);
    expect(ZRunMonthRequest.safeParse({ who: "all", partnerId: "", month: "2026-13" }).success).toBe(false);
  });
});
