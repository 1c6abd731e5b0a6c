import { describe, expect, it } from "vitest";
import { actorFromUser } from "@/lib/auth/actor";
import { AGREEMENT_SUSPENDED_MESSAGE } from "@/lib/auth/policy";
import { makeTwoTenants, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { cancelServiceAtTermEnd, withdrawCancellation } from "./cancel-service";
import { serviceTerm, unsafeEndExpiredServices } from "./term-ends";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const DAY = 86_400_000;
const NOW = new Date("2027-01-10T12:00:00Z");
const ENDS = new Date("2027-05-01T00:00:00Z");

async function running(pbxId: string) {
  await prisma.classoundService.upsert({
    where: { pbxId },
    create: { pbxId, activatedAt: new Date("2026-05-01Z"), expiresAt: ENDS },
    update: { status: "ACTIVE", expiresAt: ENDS, endedAt: null, cancellationRequestedAt: null },
  });
}

const serviceOf = (pbxId: string) => prisma.classoundService.findUniqueOrThrow({ where: { pbxId } });
const historyOf = (pbxId: string) =>
  prisma.pbxLicenseEvent.findMany({
    where: { pbxId },
    select: { kind: true, effectiveAt: true, actorId: true },
    orderBy: { createdAt: "asc" },
  });

describe("cancelling at the end of the term (R3)", () => {
  it("keeps the service running to its term's end, then ends it CANCELLED; a withdrawal before then keeps it", async () => {
    await running(a.pbx.id);

    expect(await cancelServiceAtTermEnd(prisma, a.partnerActor, { pbxId: a.pbx.id }, NOW)).toEqual({ endsAt: ENDS });
    // A second click changes nothing more.
    await cancelServiceAtTermEnd(prisma, a.partnerActor, { pbxId: a.pbx.id }, NOW);
    expect(await serviceOf(a.pbx.id)).toMatchObject({ status: "ACTIVE", cancellationRequestedAt: NOW, endedAt: null });
    expect(await serviceTerm(prisma, a.partnerActor, { pbxId: a.pbx.id })).toEqual({
      state: "RUNNING",
      endsAt: ENDS,
      cancelled: true,
    });
    expect(await historyOf(a.pbx.id)).toEqual([
      { kind: "SERVICE_CANCELLATION_REQUESTED", effectiveAt: ENDS, actorId: a.partnerActor.userId },
    ]);
    expect(
      await prisma.auditLog.count({ where: { action: "pbx.service_cancellation_requested", entityId: a.pbx.id } }),
    ).toBe(1);

    await withdrawCancellation(prisma, a.partnerActor, { pbxId: a.pbx.id }, new Date(NOW.getTime() + DAY));
    expect((await serviceOf(a.pbx.id)).cancellationRequestedAt).toBeNull();
    expect((await historyOf(a.pbx.id)).map((event) => event.kind)).toEqual([
      "SERVICE_CANCELLATION_REQUESTED",
      "SERVICE_CANCELLATION_WITHDRAWN",
    ]);
    expect(
      await prisma.auditLog.count({ where: { action: "pbx.service_cancellation_withdrawn", entityId: a.pbx.id } }),
    ).toBe(1);

    await cancelServiceAtTermEnd(prisma, a.partnerActor, { pbxId: a.pbx.id }, NOW);
    await unsafeEndExpiredServices(prisma, new Date(ENDS.getTime() - 1));
    expect((await serviceOf(a.pbx.id)).status).toBe("ACTIVE");
    await unsafeEndExpiredServices(prisma, ENDS);
    expect(await serviceOf(a.pbx.id)).toMatchObject({ status: "CANCELLED", endedAt: ENDS });
    // Nothing is refunded: no charge is raised or changed by cancelling.
    expect(await prisma.serviceCharge.count({ where: { partnerId: a.partner.id } })).toBe(0);

    await expect(cancelServiceAtTermEnd(prisma, a.partnerActor, { pbxId: a.pbx.id }, ENDS)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(withdrawCancellation(prisma, a.partnerActor, { pbxId: a.pbx.id }, ENDS)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("lets an admin cancel any partner's service", async () => {
    await running(b.pbx.id);
    await cancelServiceAtTermEnd(prisma, admin, { pbxId: b.pbx.id }, NOW);
    expect((await serviceOf(b.pbx.id)).cancellationRequestedAt).toEqual(NOW);
    await withdrawCancellation(prisma, admin, { pbxId: b.pbx.id }, NOW);
  });

  it("answers another partner's PBX NOT_FOUND, refuses a suspended partner and an end user, and stores nothing", async () => {
    await running(b.pbx.id);
    const before = await serviceOf(b.pbx.id);
    for (const change of [cancelServiceAtTermEnd, withdrawCancellation]) {
      await expect(change(prisma, a.partnerActor, { pbxId: b.pbx.id }, NOW)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      await expect(change(prisma, b.endUserActor, { pbxId: b.pbx.id }, NOW)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(change(prisma, a.partnerActor, { pbxId: "not-an-id" }, NOW)).rejects.toMatchObject({
        code: "INVALID",
      });
    }
    await prisma.partner.update({ where: { id: b.partner.id }, data: { agreementStatus: "SUSPENDED" } });
    const suspended = actorFromUser({
      ...(await makeUser(prisma, "PARTNER", { partnerId: b.partner.id })),
      agreementStatus: "SUSPENDED",
    });
    await expect(cancelServiceAtTermEnd(prisma, suspended, { pbxId: b.pbx.id }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: AGREEMENT_SUSPENDED_MESSAGE,
    });
    await prisma.classoundService.update({ where: { pbxId: b.pbx.id }, data: { cancellationRequestedAt: NOW } });
    await expect(withdrawCancellation(prisma, suspended, { pbxId: b.pbx.id }, NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await serviceOf(b.pbx.id)).toMatchObject({
      ...before,
      cancellationRequestedAt: NOW,
      updatedAt: expect.any(Date),
    });
    // Only the admin's cancellation and withdrawal of the test before.
    expect(await historyOf(b.pbx.id)).toEqual([
      { kind: "SERVICE_CANCELLATION_REQUESTED", effectiveAt: ENDS, actorId: admin.userId },
      { kind: "SERVICE_CANCELLATION_WITHDRAWN", effectiveAt: NOW, actorId: admin.userId },
    ]);
  });

  it("refuses a PBX without CLASSOUND running", async () => {
    const pbx = await prisma.pbx.create({
      data: {
        serial: `CS-NONE-${a.pbx.id.slice(-8)}`,
        name: "No service",
        customerId: a.customer.id,
        licensePlan: "YEARLY",
        termStart: new Date("2026-05-01Z"),
        termExpiry: ENDS,
        softwareVersion: "6.01",
      },
    });
    await expect(cancelServiceAtTermEnd(prisma, a.partnerActor, { pbxId: pbx.id }, NOW)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
