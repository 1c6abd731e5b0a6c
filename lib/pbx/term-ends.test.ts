import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import type { JobContext } from "@/lib/jobs/definition";
import { serviceTermEndsJob } from "@/lib/jobs/service-term-jobs";
import { saveMailPreferences } from "@/lib/notifications/mail-preferences";
import { unsafeEndQuarantine } from "@/lib/numbers/release";
import { actorOf, makeNumbers, makeTenant, makeUser } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { NUMBERS_GRACE_DAYS, serviceTerm } from "./term-ends";

const { prisma } = await createTestDatabase();
const DAY = 86_400_000;
const NOW = new Date("2027-03-01T09:00:00Z");
const at = (days: number, from = NOW) => new Date(from.getTime() + days * DAY);
beforeAll(() => void vi.stubEnv("NEXTAUTH_URL", "https://portal.classound.test"));
// Test files share their worker's process (vitest.config.ts): the next file must not inherit the stub.
afterAll(() => vi.unstubAllEnvs());

const context = (now: Date): JobContext => ({ db: prisma, sendMail: null, now: () => now, enqueue: async () => {} });
const runJob = (now: Date) => serviceTermEndsJob.run(context(now), {});

/** A partner with a user and a PBX whose CLASSOUND service ends at `expiresAt`. */
async function serviceEnding(db: Db, expiresAt: Date, extra: { cancellationRequestedAt?: Date } = {}) {
  const tenant = await makeTenant(db, { termStart: at(-300, expiresAt), termExpiry: expiresAt });
  const user = await makeUser(db, "PARTNER", { partnerId: tenant.partner.id });
  const service = await db.classoundService.create({
    data: { pbxId: tenant.pbx.id, activatedAt: at(-300, expiresAt), expiresAt, ...extra },
  });
  return { ...tenant, user, service };
}

const noticesOf = (userId: string) =>
  prisma.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { title: true, link: true },
  });

/** Everything a run can write, to prove a second run writes nothing. */
async function footprint() {
  const [notices, notifications, mails, events, audits, numberEvents, changes] = await Promise.all([
    prisma.serviceExpiryNotice.count(),
    prisma.notification.count(),
    prisma.outboxEmail.count(),
    prisma.pbxLicenseEvent.count(),
    prisma.auditLog.count(),
    prisma.phoneNumberEvent.count(),
    prisma.emergencyLocationChange.count(),
  ]);
  return { notices, notifications, mails, events, audits, numberEvents, changes };
}

describe("warnings before a term ends", () => {
  it("warns 30 and 7 days before, once each, and again after a renewal moves the expiry", async () => {
    const { user, service, pbx } = await serviceEnding(prisma, at(20));

    await runJob(NOW);
    await runJob(at(1));
    let notices = await noticesOf(user.id);
    expect(notices).toEqual([{ title: `CLASSOUND on ${pbx.name} ends on 21 Mar 2027`, link: `/pbxs/${pbx.id}` }]);
    const mails = await prisma.outboxEmail.findMany({ where: { to: user.email } });
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(`https://portal.classound.test/pbxs/${pbx.id}`);
    expect(mails[0].text).toContain(`${NUMBERS_GRACE_DAYS} more days`);

    // 6 days out: the 7-day warning, once.
    await runJob(at(14));
    await runJob(at(15));
    notices = await noticesOf(user.id);
    expect(notices).toHaveLength(2);
    expect(
      await prisma.serviceExpiryNotice.findMany({
        where: { serviceId: service.id },
        orderBy: { daysBefore: "desc" },
        select: { daysBefore: true },
      }),
    ).toEqual([{ daysBefore: 30 }, { daysBefore: 7 }]);

    // Renewed for a year: the new expiry is warned about again, 30 days before it.
    const renewed = new Date("2028-03-21T09:00:00Z");
    await prisma.classoundService.update({ where: { id: service.id }, data: { expiresAt: renewed } });
    await runJob(at(16));
    expect(await noticesOf(user.id)).toHaveLength(2);
    await runJob(at(-29, renewed));
    await runJob(at(-28, renewed));
    notices = await noticesOf(user.id);
    expect(notices).toHaveLength(3);
    expect(notices[2].title).toBe(`CLASSOUND on ${pbx.name} ends on 21 Mar 2028`);
  });

  it("sends only the 7-day warning to a service first seen 5 days out, none to a cancelled one", async () => {
    const late = await serviceEnding(prisma, at(5));
    const cancelled = await serviceEnding(prisma, at(20), { cancellationRequestedAt: at(-3) });

    await runJob(NOW);

    expect(
      await prisma.serviceExpiryNotice.findMany({
        where: { serviceId: late.service.id },
        select: { daysBefore: true },
      }),
    ).toEqual([{ daysBefore: 7 }]);
    expect(await noticesOf(late.user.id)).toHaveLength(1);
    expect(await prisma.serviceExpiryNotice.count({ where: { serviceId: cancelled.service.id } })).toBe(0);
    expect(await noticesOf(cancelled.user.id)).toHaveLength(0);
  });

  it("tells a partner of several PBXs in one notice, and respects its users' mail choice", async () => {
    const first = await serviceEnding(prisma, at(12));
    const customer = await prisma.customer.create({
      data: { partnerId: first.partner.id, name: "Second customer", countryCode: first.customer.countryCode },
    });
    const second = await prisma.pbx.create({
      data: {
        serial: `CS-SECOND-${first.pbx.id.slice(-6)}`,
        name: "Second PBX",
        customerId: customer.id,
        licensePlan: "YEARLY",
        termStart: at(-300),
        termExpiry: at(25),
        softwareVersion: "6.01",
      },
    });
    await prisma.classoundService.create({ data: { pbxId: second.id, activatedAt: at(-300), expiresAt: at(25) } });
    const quiet = await makeUser(prisma, "PARTNER", { partnerId: first.partner.id });
    await saveMailPreferences(prisma, actorOf(quiet), { enabled: ["activation"] });

    await runJob(NOW);

    const notices = await noticesOf(first.user.id);
    expect(notices).toEqual([{ title: "CLASSOUND on 2 PBXs ends within 30 days", link: "/pbxs/renewals" }]);
    const [mail] = await prisma.outboxEmail.findMany({ where: { to: first.user.email } });
    expect(mail.text).toContain(`${first.pbx.name} (${first.customer.name}) on 13 Mar 2027`);
    expect(mail.text).toContain("Second PBX (Second customer) on 26 Mar 2027");
    expect(await noticesOf(quiet.id)).toHaveLength(1);
    expect(await prisma.outboxEmail.count({ where: { to: quiet.email } })).toBe(0);
  });
});

describe("the end of a term", () => {
  it("ends a service past its expiry as EXPIRED on its expiry, with its event and audit entry", async () => {
    const { service, pbx } = await serviceEnding(prisma, at(-0.5));
    const suspended = await serviceEnding(prisma, at(-0.25));
    await prisma.classoundService.update({ where: { id: suspended.service.id }, data: { status: "SUSPENDED" } });
    const running = await serviceEnding(prisma, at(0.5));

    await runJob(NOW);

    expect(await prisma.classoundService.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      status: "EXPIRED",
      endedAt: at(-0.5),
      numbersQuarantinedAt: null,
    });
    expect((await prisma.classoundService.findUniqueOrThrow({ where: { id: suspended.service.id } })).status).toBe(
      "EXPIRED",
    );
    expect(await prisma.classoundService.findUniqueOrThrow({ where: { id: running.service.id } })).toMatchObject({
      status: "ACTIVE",
      endedAt: null,
    });
    const [event] = await prisma.pbxLicenseEvent.findMany({ where: { pbxId: pbx.id } });
    expect(event).toMatchObject({ kind: "SERVICE_ENDED", effectiveAt: at(-0.5), actorId: null });
    expect(event.detail).toMatchObject({
      status: "EXPIRED",
      numbersKeptUntil: at(NUMBERS_GRACE_DAYS - 0.5).toISOString(),
    });
    expect(await prisma.auditLog.count({ where: { action: "pbx.service_ended", entityId: pbx.id } })).toBe(1);
  });

  it("ends a cancelled service as CANCELLED at its term's end, not before", async () => {
    const { service } = await serviceEnding(prisma, at(3), { cancellationRequestedAt: at(-10) });

    await runJob(at(2.9));
    expect(await prisma.classoundService.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      status: "ACTIVE",
      endedAt: null,
    });
    await runJob(at(3));
    expect(await prisma.classoundService.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      status: "CANCELLED",
      endedAt: at(3),
    });
  });
});

describe("numbers after the grace period", () => {
  it("keeps the numbers assigned through the grace, then quarantines them all, the default caller number too", async () => {
    const ended = at(-1);
    const { service, pbx, partner, customer, user } = await serviceEnding(prisma, ended);
    const numbers = await makeNumbers(prisma, { partnerId: partner.id, pbxId: pbx.id }, 120);
    await prisma.classoundService.update({ where: { id: service.id }, data: { defaultCallerNumberId: numbers[0].id } });
    const site = await prisma.emergencyLocation.create({
      data: {
        partnerId: partner.id,
        customerId: customer.id,
        name: "Milan HQ",
        street: "Via Roma",
        houseNumber: "1",
        postcode: "20121",
        city: "Milano",
        countryCode: "IT",
        updatedById: user.id,
      },
    });
    await prisma.phoneNumber.updateMany({
      where: { id: { in: [numbers[0].id, numbers[1].id] } },
      data: { emergencyLocationId: site.id, emergencyStatus: "ACTIVE" },
    });
    // Another PBX's numbers are never touched.
    const other = await serviceEnding(prisma, at(200));
    const [kept] = await makeNumbers(prisma, { partnerId: other.partner.id, pbxId: other.pbx.id }, 1);

    await runJob(NOW);
    await runJob(at(NUMBERS_GRACE_DAYS - 1.01, ended));
    expect(await prisma.phoneNumber.count({ where: { pbxId: pbx.id, status: "ASSIGNED" } })).toBe(120);
    expect(await serviceTerm(prisma, actorOf(user), { pbxId: pbx.id })).toMatchObject({
      state: "ENDED",
      status: "EXPIRED",
      numbersKeptUntil: at(NUMBERS_GRACE_DAYS, ended),
      numbersQuarantinedAt: null,
    });

    const quarantineAt = at(NUMBERS_GRACE_DAYS, ended);
    await runJob(quarantineAt);
    const before = await footprint();
    await runJob(quarantineAt);
    expect(await footprint()).toEqual(before);

    const after = await prisma.phoneNumber.findMany({ where: { id: { in: numbers.map((n) => n.id) } } });
    expect(after.every((n) => n.status === "QUARANTINE" && n.pbxId === null && n.partnerId === null)).toBe(true);
    expect(after.every((n) => n.emergencyLocationId === null && n.emergencyStatus === "NO_LOCATION")).toBe(true);
    expect(await prisma.classoundService.findUniqueOrThrow({ where: { id: service.id } })).toMatchObject({
      defaultCallerNumberId: null,
      numbersQuarantinedAt: quarantineAt,
    });
    const events = await prisma.phoneNumberEvent.groupBy({
      by: ["kind"],
      where: { phoneNumberId: { in: numbers.map((n) => n.id) }, pbxId: pbx.id, partnerId: partner.id },
      _count: true,
    });
    expect(Object.fromEntries(events.map((e) => [e.kind, e._count]))).toEqual({ RELEASED: 120, QUARANTINED: 120 });
    expect(
      await prisma.emergencyLocationChange.count({
        where: { phoneNumberId: { in: [numbers[0].id, numbers[1].id] }, changedById: null, newStatus: "NO_LOCATION" },
      }),
    ).toBe(2);
    const quarantined = await prisma.pbxLicenseEvent.findFirstOrThrow({
      where: { pbxId: pbx.id, kind: "NUMBERS_QUARANTINED" },
    });
    expect(quarantined.detail).toMatchObject({ numbers: 120 });
    expect((await prisma.phoneNumber.findUniqueOrThrow({ where: { id: kept.id } })).status).toBe("ASSIGNED");

    // The quarantine of released numbers then runs its course.
    await unsafeEndQuarantine(prisma, at(31, quarantineAt));
    expect(
      await prisma.phoneNumber.count({ where: { id: { in: numbers.map((n) => n.id) }, status: "AVAILABLE" } }),
    ).toBe(120);
  });

  it("leaves the numbers of a service activated again during the grace", async () => {
    const ended = at(-2);
    const { service, pbx, partner } = await serviceEnding(prisma, ended);
    await makeNumbers(prisma, { partnerId: partner.id, pbxId: pbx.id }, 3);
    await runJob(NOW);
    await prisma.classoundService.update({
      where: { id: service.id },
      data: { status: "ACTIVE", endedAt: null, expiresAt: at(365) },
    });

    await runJob(at(NUMBERS_GRACE_DAYS + 1, ended));

    expect(await prisma.phoneNumber.count({ where: { pbxId: pbx.id, status: "ASSIGNED" } })).toBe(3);
    expect(
      (await prisma.classoundService.findUniqueOrThrow({ where: { id: service.id } })).numbersQuarantinedAt,
    ).toBeNull();
  });
});
