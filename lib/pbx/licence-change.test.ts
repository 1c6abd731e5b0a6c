import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AGREEMENT_SUSPENDED_MESSAGE } from "@/lib/auth/policy";
import { makeCustomer, makePbx, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { applyLicenceChange, previewLicenceChange } from "./licence-change";
import { LICENCE_HISTORY_PAGE_SIZE, pbxLicence } from "./licence-history";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const suspended: Actor = { ...a.partnerActor, agreementSuspended: true };

// The seed's bands (R4) in the partners' Gold tier; the partners count days in Berlin.
beforeAll(async () => {
  const tier = await prisma.priceListTier.findUniqueOrThrow({ where: { code: "GOLD" } });
  await prisma.priceList.create({
    data: {
      tierId: tier.id,
      name: "Gold 2026",
      currency: "EUR",
      validFrom: day("2026-01-01"),
      smsRate: "0.04",
      flatFeeBands: {
        create: [
          { sku: "CLASSOUND-FLAT-1m", description: "Users 1-5", minUsers: 1, maxUsers: 5, pricePerUser: "14.90" },
          {
            sku: "CLASSOUND-FLAT-1m-6-20",
            description: "Users 6-20",
            minUsers: 6,
            maxUsers: 20,
            pricePerUser: "13.50",
          },
          {
            sku: "CLASSOUND-FLAT-1m-21PLUS",
            description: "Users 21+",
            minUsers: 21,
            maxUsers: null,
            pricePerUser: "12.40",
          },
        ],
      },
    },
  });
});

/** A yearly PBX of partner A, 1 May 2026 to 1 May 2027, 3 Basic + 1 Business users, CLASSOUND active since 1 June. */
async function yearlyPbxWithService(service: { cancellationRequestedAt?: Date } = {}) {
  const pbx = await makePbx(prisma, a.customer.id, { termStart: day("2026-05-01"), termExpiry: day("2027-05-01") });
  const created = await prisma.classoundService.create({
    data: {
      pbxId: pbx.id,
      activatedAt: new Date("2026-06-01T08:00:00Z"),
      expiresAt: day("2027-05-01"),
      ...service,
    },
  });
  return { pbx, service: created };
}

const stateOf = async (pbxId: string) => ({
  pbx: await prisma.pbx.findUniqueOrThrow({ where: { id: pbxId }, include: { licenses: true } }),
  service: await prisma.classoundService.findUnique({ where: { pbxId } }),
  charges: await prisma.serviceCharge.findMany({ where: { service: { pbxId } }, orderBy: { createdAt: "asc" } }),
  events: await prisma.pbxLicenseEvent.findMany({ where: { pbxId }, orderBy: { createdAt: "asc" } }),
});

describe("a renewal (R3: every service moves with the PBX's term)", () => {
  const now = new Date("2027-04-20T09:00:00Z");

  it("moves the PBX's term and its running service to the new expiry and raises the next term's charge", async () => {
    const { pbx } = await yearlyPbxWithService();
    const input = { kind: "renewal", pbxId: pbx.id, currentExpiry: "2027-05-01", termEnd: "2028-05-01" };
    const preview = await previewLicenceChange(prisma, a.partnerActor, input, now);
    // 4 users in the 1-5 band: 4 × 14.90 × 12 months, the whole 366-day period.
    expect(preview.charge).toEqual({
      kind: "RENEWAL",
      amount: "715.20",
      currency: "EUR",
      description: "CLASSOUND-FLAT-1m: 4 users × 14.90 EUR × 12 months × 366/366 days = 715.20 EUR",
    });
    expect((await stateOf(pbx.id)).charges).toEqual([]);

    const done = await applyLicenceChange(prisma, a.partnerActor, input, now);
    expect(done).toEqual(preview);
    const state = await stateOf(pbx.id);
    expect(state.pbx).toMatchObject({
      termStart: day("2027-05-01"),
      termExpiry: day("2028-05-01"),
      licensePlan: "YEARLY",
    });
    expect(state.service!.expiresAt).toEqual(day("2028-05-01"));
    expect(state.charges).toHaveLength(1);
    expect(state.charges[0]).toMatchObject({
      kind: "RENEWAL",
      partnerId: a.partner.id,
      currency: "EUR",
      periodStart: day("2027-05-01"),
      periodEnd: day("2028-05-01"),
    });
    expect(state.charges[0]!.amount.toFixed(2)).toBe("715.20");
    expect(state.events.map((e) => [e.kind, e.effectiveAt])).toEqual([["RENEWED", day("2027-05-01")]]);
    expect(
      await prisma.auditLog.count({
        where: { action: "pbx.renewed", entityId: pbx.id, actorId: a.partnerActor.userId },
      }),
    ).toBe(1);

    // The same form sent twice (a double click) finds the term moved and renews nothing more.
    await expect(applyLicenceChange(prisma, a.partnerActor, input, now)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await stateOf(pbx.id)).charges).toHaveLength(1);
  });

  it("leaves a cancelled service to end at its term's end, and charges nothing for it", async () => {
    const { pbx } = await yearlyPbxWithService({ cancellationRequestedAt: new Date("2027-02-01T10:00:00Z") });
    const done = await applyLicenceChange(
      prisma,
      a.partnerActor,
      { kind: "renewal", pbxId: pbx.id, currentExpiry: "2027-05-01", termEnd: "2027-06-01", licensePlan: "MONTHLY" },
      now,
    );
    expect(done.charge).toBeNull();
    expect(done.notes.join(" ")).toMatch(/cancelled: it still ends on 01 May 2027/);
    const state = await stateOf(pbx.id);
    expect(state.pbx).toMatchObject({ termExpiry: day("2027-06-01"), licensePlan: "MONTHLY" });
    expect(state.service!.expiresAt).toEqual(day("2027-05-01"));
    expect(state.charges).toEqual([]);
  });

  it("refuses a new end that is not after the current expiry, beside the field, storing nothing", async () => {
    const { pbx } = await yearlyPbxWithService();
    await expect(
      applyLicenceChange(
        prisma,
        a.partnerActor,
        { kind: "renewal", pbxId: pbx.id, currentExpiry: "2027-05-01", termEnd: "2027-04-30" },
        now,
      ),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { termEnd: [expect.stringMatching(/after the current expiry/)] },
    });
    const state = await stateOf(pbx.id);
    expect(state.pbx.termExpiry).toEqual(day("2027-05-01"));
    expect(state.events).toEqual([]);
  });
});

describe("users added mid-term (R4: the whole PBX re-banded)", () => {
  it("charges 4 users going to 6 the prorated difference exactly, and refunds nothing when users go", async () => {
    const { pbx } = await yearlyPbxWithService();
    const change = (from: string, users: [number, number, number, number], now: string) =>
      applyLicenceChange(
        prisma,
        a.partnerActor,
        {
          kind: "users",
          pbxId: pbx.id,
          from,
          basic: users[0],
          essential: users[1],
          business: users[2],
          premium: users[3],
        },
        new Date(now),
      );

    // From 13 November, 169 of the term's 365 days are left:
    // 6 × 13.50 × 12 × 169/365 = 450.05, less 4 × 14.90 × 12 × 169/365 = 331.15: 118.90.
    const added = await change("2026-11-13", [3, 2, 1, 0], "2026-11-13T10:00:00Z");
    expect(added.charge).toMatchObject({ kind: "USERS_ADDED", amount: "118.90", currency: "EUR" });
    let state = await stateOf(pbx.id);
    expect(state.charges.map((c) => [c.kind, c.amount.toFixed(2), c.periodStart, c.periodEnd])).toEqual([
      ["USERS_ADDED", "118.90", day("2026-11-13"), day("2027-05-01")],
    ]);
    expect(state.pbx.licenses.map((l) => [l.type, l.quantity]).sort()).toEqual([
      ["BASIC", 3],
      ["BUSINESS", 1],
      ["ESSENTIAL", 2],
    ]);
    expect(state.events.at(-1)).toMatchObject({ kind: "USERS_CHANGED", effectiveAt: day("2026-11-13") });

    // Down to 4: no refund. Back up to 5: the term is paid for 6 already.
    const removed = await change("2026-12-01", [3, 0, 1, 0], "2026-12-01T10:00:00Z");
    expect(removed.charge).toBeNull();
    expect(removed.notes.join(" ")).toMatch(/not refunded: this term stays paid for 6 users/);
    expect((await change("2026-12-10", [4, 0, 1, 0], "2026-12-10T10:00:00Z")).charge).toBeNull();

    // To 7 from 15 December (137 days left): 7 × 13.50 × 12 × 137/365 = 425.64, less 6 paid for: 364.83.
    const more = await change("2026-12-15", [4, 2, 1, 0], "2026-12-15T10:00:00Z");
    expect(more.charge?.amount).toBe("60.81");
    state = await stateOf(pbx.id);
    expect(state.charges.map((c) => c.amount.toFixed(2))).toEqual(["118.90", "60.81"]);
    expect(state.events.map((e) => e.kind)).toEqual([
      "USERS_CHANGED",
      "USERS_CHANGED",
      "USERS_CHANGED",
      "USERS_CHANGED",
    ]);
  });

  it("refuses a date in the future, before the term, or earlier than the last change, and negative users", async () => {
    const { pbx } = await yearlyPbxWithService();
    const users = { basic: 5, essential: 0, business: 1, premium: 0 };
    const now = new Date("2026-11-13T10:00:00Z");
    const tryFrom = (from: string, extra: object = {}) =>
      applyLicenceChange(prisma, a.partnerActor, { kind: "users", pbxId: pbx.id, from, ...users, ...extra }, now);
    await expect(tryFrom("2026-11-14")).rejects.toMatchObject({
      fieldErrors: { from: [expect.stringMatching(/future/)] },
    });
    await expect(tryFrom("2026-04-30")).rejects.toMatchObject({
      fieldErrors: { from: [expect.stringMatching(/before the current term/)] },
    });
    await expect(tryFrom("2026-05-15")).rejects.toMatchObject({
      fieldErrors: { from: [expect.stringMatching(/activated on 01 Jun 2026/)] },
    });
    await expect(tryFrom("2026-11-13", { basic: -2 })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { basic: ["Basic users cannot be negative"] },
    });
    await expect(tryFrom("2026-11-13", { basic: 0, business: 0 })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { basic: [expect.stringMatching(/at least one user/)] },
    });
    const state = await stateOf(pbx.id);
    expect(state.events).toEqual([]);
    expect(state.charges).toEqual([]);

    await tryFrom("2026-11-10");
    await expect(tryFrom("2026-11-09", { basic: 6 })).rejects.toMatchObject({
      fieldErrors: { from: [expect.stringMatching(/last changed from 10 Nov 2026/)] },
    });
  });

  it("starts each term paid for the users its renewal charged", async () => {
    const { pbx } = await yearlyPbxWithService();
    const users = (basic: number, business: number) => ({ basic, essential: 0, business, premium: 0 });
    const apply = (input: object, now: string) =>
      applyLicenceChange(prisma, a.partnerActor, { pbxId: pbx.id, ...input }, new Date(now));
    await apply({ kind: "users", from: "2026-11-13", ...users(5, 1) }, "2026-11-13T10:00:00Z");
    await apply({ kind: "users", from: "2026-12-01", ...users(3, 1) }, "2026-12-01T10:00:00Z");
    // The renewal charges the 4 users the PBX has: 4 × 14.90 × 12 = 715.20.
    const renewed = await apply(
      { kind: "renewal", currentExpiry: "2027-05-01", termEnd: "2028-05-01" },
      "2027-04-20T10:00:00Z",
    );
    expect(renewed.charge?.amount).toBe("715.20");
    // 6 users again in the new term are 2 more than it was paid for (the 6 of the last term do not count):
    // 6 × 13.50 × 12 × 335/366 = 889.67, less 4 × 14.90 × 12 × 335/366 = 654.62.
    const added = await apply({ kind: "users", from: "2027-06-01", ...users(5, 1) }, "2027-06-01T10:00:00Z");
    expect(added.charge?.amount).toBe("235.05");
  });

  it("charges nothing on a PBX without CLASSOUND", async () => {
    const pbx = await makePbx(prisma, a.customer.id, { termStart: day("2026-05-01"), termExpiry: day("2027-05-01") });
    const done = await applyLicenceChange(
      prisma,
      a.partnerActor,
      { kind: "users", pbxId: pbx.id, from: "2026-11-13", basic: 10, essential: 0, business: 0, premium: 0 },
      new Date("2026-11-13T10:00:00Z"),
    );
    expect(done.charge).toBeNull();
    expect(await prisma.serviceCharge.count({ where: { service: { pbxId: pbx.id } } })).toBe(0);
  });
});

describe("plan and software changes", () => {
  it("keeps what CLASSOUND needs while it runs (R1), beside the field", async () => {
    const { pbx } = await yearlyPbxWithService();
    const plan = { kind: "plan", pbxId: pbx.id, licensePlan: "YEARLY", licensing: "PER_USER" };
    await expect(
      applyLicenceChange(prisma, a.partnerActor, { ...plan, licensePlan: "LIFETIME" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { licensePlan: [expect.stringMatching(/needs a plan that renews/)] },
    });
    await expect(
      applyLicenceChange(prisma, a.partnerActor, { ...plan, licensing: "PER_SYSTEM" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { licensing: [expect.any(String)] },
    });
    await expect(applyLicenceChange(prisma, a.partnerActor, plan)).rejects.toMatchObject({ code: "INVALID" });
    expect((await stateOf(pbx.id)).events).toEqual([]);
  });

  it("goes to a lifetime licence and back, with a term given to leave it", async () => {
    const pbx = await makePbx(prisma, a.customer.id, { termStart: day("2026-05-01"), termExpiry: day("2027-05-01") });
    await applyLicenceChange(prisma, a.partnerActor, {
      kind: "plan",
      pbxId: pbx.id,
      licensePlan: "LIFETIME",
      licensing: "PER_SYSTEM",
    });
    expect((await stateOf(pbx.id)).pbx).toMatchObject({
      licensePlan: "LIFETIME",
      licensing: "PER_SYSTEM",
      termExpiry: null,
    });

    const back = { kind: "plan", pbxId: pbx.id, licensePlan: "MONTHLY", licensing: "PER_USER" };
    await expect(applyLicenceChange(prisma, a.partnerActor, back)).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { termStart: [expect.any(String)], termEnd: [expect.any(String)] },
    });
    await expect(
      applyLicenceChange(prisma, a.partnerActor, { ...back, termStart: "2026-12-01", termEnd: "2026-11-01" }),
    ).rejects.toMatchObject({ fieldErrors: { termEnd: ["The term end must be after the term start"] } });
    await applyLicenceChange(prisma, a.partnerActor, { ...back, termStart: "2026-12-01", termEnd: "2027-01-01" });
    const state = await stateOf(pbx.id);
    expect(state.pbx).toMatchObject({
      licensePlan: "MONTHLY",
      termStart: day("2026-12-01"),
      termExpiry: day("2027-01-01"),
    });
    expect(state.events.map((e) => e.kind)).toEqual(["PLAN_CHANGED", "PLAN_CHANGED"]);
  });

  it("records a software update, and warns when a new activation would be refused", async () => {
    const { pbx } = await yearlyPbxWithService();
    const done = await applyLicenceChange(prisma, a.partnerActor, {
      kind: "software",
      pbxId: pbx.id,
      softwareVersion: "4.9",
    });
    expect(done.notes[0]).toMatch(/keeps running, but a new activation would be refused/);
    expect((await stateOf(pbx.id)).pbx.softwareVersion).toBe("4.9");
    expect(await prisma.auditLog.count({ where: { action: "pbx.software_updated", entityId: pbx.id } })).toBe(1);
  });
});

describe("who may", () => {
  it("treats another partner's PBX as one that does not exist: neither read nor changed", async () => {
    const { pbx } = await yearlyPbxWithService();
    const change = { kind: "software", pbxId: pbx.id, softwareVersion: "7.0" };
    await expect(previewLicenceChange(prisma, b.partnerActor, change)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(applyLicenceChange(prisma, b.partnerActor, change)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(pbxLicence(prisma, b.partnerActor, { pbxId: pbx.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(applyLicenceChange(prisma, a.partnerActor, { ...change, pbxId: { not: "" } })).rejects.toMatchObject({
      code: "INVALID",
    });
    // The customer's own end user reads the licence, without the partner's charges, and changes nothing.
    await expect(applyLicenceChange(prisma, a.endUserActor, change)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await pbxLicence(prisma, a.endUserActor, { pbxId: pbx.id })).canChange).toBe(false);
    expect((await stateOf(pbx.id)).pbx.softwareVersion).not.toBe("7.0");
  });

  it("refuses a suspended partner with a clear message, and an admin may act for the partner", async () => {
    const { pbx } = await yearlyPbxWithService();
    const change = { kind: "software", pbxId: pbx.id, softwareVersion: "7.0" };
    await expect(applyLicenceChange(prisma, suspended, change)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: AGREEMENT_SUSPENDED_MESSAGE,
    });
    await expect(previewLicenceChange(prisma, suspended, change)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await pbxLicence(prisma, suspended, { pbxId: pbx.id })).canChange).toBe(false);
    expect((await stateOf(pbx.id)).events).toEqual([]);
    await applyLicenceChange(prisma, admin, change);
    expect((await stateOf(pbx.id)).events.map((e) => e.actorId)).toEqual([admin.userId]);
  });

  it("refuses changes on a PBX whose customer is archived", async () => {
    const customer = await makeCustomer(prisma, a.partner.id);
    const pbx = await makePbx(prisma, customer.id);
    await prisma.customer.update({ where: { id: customer.id }, data: { archivedAt: new Date() } });
    await expect(
      applyLicenceChange(prisma, a.partnerActor, { kind: "software", pbxId: pbx.id, softwareVersion: "7.0" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("the licence history", () => {
  it("lists the events newest first, a page at a time, with the charge for those who pay it", async () => {
    const { pbx } = await yearlyPbxWithService();
    for (let i = 1; i <= LICENCE_HISTORY_PAGE_SIZE + 2; i++)
      await applyLicenceChange(prisma, a.partnerActor, { kind: "software", pbxId: pbx.id, softwareVersion: `6.${i}` });
    await applyLicenceChange(
      prisma,
      a.partnerActor,
      { kind: "users", pbxId: pbx.id, from: "2026-11-13", basic: 3, essential: 2, business: 1, premium: 0 },
      new Date("2026-11-13T10:00:00Z"),
    );
    const first = await pbxLicence(prisma, a.partnerActor, { pbxId: pbx.id, now: new Date("2026-11-13T10:00:00Z") });
    expect(first.history).toMatchObject({ total: 13, page: 1, pageCount: 2 });
    expect(first.history.events[0]).toMatchObject({
      kind: "USERS_CHANGED",
      actorName: expect.any(String),
      charge: { amount: "118.90", currency: "EUR" },
    });
    expect(first.history.events[1]!.lines).toEqual(["6.11 to 6.12"]);
    expect(first).toMatchObject({
      userCount: 6,
      defaults: {
        today: "2026-11-13",
        currentExpiry: "2027-05-01",
        renewalEnds: { MONTHLY: "2027-06-01", YEARLY: "2028-05-01", FIVE_YEAR: "2032-05-01" },
      },
    });
    const second = await pbxLicence(prisma, a.partnerActor, { pbxId: pbx.id, page: 2 });
    expect(second.history.events.map((e) => e.lines[0])).toEqual([
      "6.2 to 6.3",
      "6.1 to 6.2",
      "6.01.20240310.2 to 6.1",
    ]);
    const endUser = await pbxLicence(prisma, a.endUserActor, { pbxId: pbx.id });
    expect(endUser.history.events[0]!.charge).toBeNull();
  });
});
