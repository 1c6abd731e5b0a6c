import { describe, expect, it } from "vitest";
import { makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { auditCsv } from "./audit-csv";
import { describeAuditDetail } from "./labels";
import { exportAuditEntries, listAuditEntries, ZAuditFilters } from "./list-audit";
import { recordAudit } from "./record";

const { prisma } = await createTestDatabase();
const { a, admin } = await makeTwoTenants(prisma);

await recordAudit(prisma, { actorId: a.partnerActor.userId, action: "auth.sign_in", ip: "10.0.0.1" });
await recordAudit(prisma, {
  actorId: admin.userId,
  action: "activation.approved",
  entityType: "ActivationRequest",
  entityId: "req-1",
  detail: { serviceId: "svc-1" },
});
await recordAudit(prisma, {
  actorId: admin.userId,
  action: "user.created",
  entityType: "User",
  entityId: "u-1",
  ip: '=HYPERLINK("x")',
});

describe("the audit log", () => {
  it("filters by who, action, target and day", async () => {
    const byActor = await listAuditEntries(prisma, admin, { filters: { actor: a.partnerActor.email.toUpperCase() } });
    expect(byActor.entries.map((e) => e.action)).toEqual(["auth.sign_in"]);
    const byAction = await listAuditEntries(prisma, admin, { filters: { action: "activation.approved" } });
    expect(byAction.entries.map((e) => e.entityId)).toEqual(["req-1"]);
    const byTarget = await listAuditEntries(prisma, admin, { filters: { target: "user" } });
    expect(byTarget.entries.map((e) => e.entityId)).toEqual(["u-1"]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEntries(prisma, admin, { filters: { from: today, to: today } })).total).toBe(3);
    expect((await listAuditEntries(prisma, admin, { filters: { to: "2000-01-01" } })).total).toBe(0);
  });

  it("treats a malformed filter as no filter", () => {
    expect(ZAuditFilters.parse({ from: "yesterday", to: "2026-13-45", action: "" })).toEqual({
      actor: undefined,
      action: undefined,
      target: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it("is for admins only", async () => {
    await expect(listAuditEntries(prisma, a.partnerActor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportAuditEntries(prisma, a.partnerActor, {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports words, codes and readable details, with no formula a spreadsheet would run", async () => {
    const csv = auditCsv(await exportAuditEntries(prisma, admin, {}));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      '"Time (UTC)","What happened","Who","E-mail","Action","Action code","Target type","Target id","Detail","IP"',
    );
    expect(lines).toHaveLength(4);
    expect(csv).toContain(
      '"Activation approved","activation.approved","ActivationRequest","req-1","service id: svc-1"',
    );
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(describeAuditDetail({ fileId: "f", sha256: "abc" })).toBe("file id: f · sha256: abc");
  });
});
