import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AGREEMENT_SUSPENDED_MESSAGE } from "@/lib/auth/policy";
import { makeCustomer, makeTwoTenants } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { customerForPbx, registerPbx, searchCustomersForPbx, SERIAL_TAKEN } from "./register";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const suspended: Actor = { ...a.partnerActor, agreementSuspended: true };
const archived = await makeCustomer(prisma, a.partner.id, "Closed Down GmbH");
await prisma.customer.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });

let serials = 0;
const form = (overrides: Record<string, unknown> = {}) => ({
  customerId: a.customer.id,
  serial: `cs-reg-${String(++serials).padStart(4, "0")}`,
  name: "Munich HQ",
  licensing: "PER_USER",
  licensePlan: "YEARLY",
  termStart: "2026-05-01",
  termEnd: "2027-05-01",
  basic: "4",
  essential: "0",
  business: "2",
  premium: "0",
  softwareVersion: "6.01.20240310.2",
  ...overrides,
});
const stored = async () => ({ pbxs: await prisma.pbx.count(), events: await prisma.pbxLicenseEvent.count() });

describe("registering a PBX", () => {
  it("stores the PBX, its users per level and a REGISTERED event, for the partner's own customer", async () => {
    const input = form();
    const created = await registerPbx(prisma, a.partnerActor, input, new Date("2026-12-07T10:00:00Z"));
    const pbx = await prisma.pbx.findUniqueOrThrow({
      where: { id: created.id },
      include: { licenses: { orderBy: { type: "asc" } }, licenseEvents: true },
    });
    expect(pbx).toMatchObject({
      serial: String(input.serial).toUpperCase(),
      customerId: a.customer.id,
      licensing: "PER_USER",
      licensePlan: "YEARLY",
      termStart: new Date("2026-05-01T00:00:00Z"),
      termExpiry: new Date("2027-05-01T00:00:00Z"),
    });
    // Levels with no users have no row: the user count (R4) is the sum either way.
    expect(pbx.licenses.map((l) => [l.type, l.quantity])).toEqual([
      ["BASIC", 4],
      ["BUSINESS", 2],
    ]);
    expect(pbx.licenseEvents).toMatchObject([
      { kind: "REGISTERED", actorId: a.partnerActor.userId, detail: { source: "form", totalUsers: 6 } },
    ]);
    expect(await prisma.auditLog.count({ where: { action: "pbx.registered", entityId: created.id } })).toBe(1);
  });

  it("registers a lifetime PBX without a term end, and lets an admin register for any partner", async () => {
    const created = await registerPbx(
      prisma,
      admin,
      form({ customerId: b.customer.id, licensePlan: "LIFETIME", licensing: "PER_SYSTEM", termEnd: "" }),
    );
    expect(await prisma.pbx.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      customerId: b.customer.id,
      termExpiry: null,
    });
  });

  it("refuses bad input beside each field and stores nothing", async () => {
    const before = await stored();
    const refusal = (input: object, actor = a.partnerActor) => registerPbx(prisma, actor, input).catch((e) => e);

    expect(await refusal(form({ serial: "AB" }))).toMatchObject({
      code: "INVALID",
      fieldErrors: { serial: [expect.stringMatching(/4 to 40 letters, digits and dashes/)] },
    });
    expect(await refusal(form({ termStart: "2026-05-01", termEnd: "2026-04-30" }))).toMatchObject({
      fieldErrors: { termEnd: ["The term end must be after the term start"] },
    });
    expect(await refusal(form({ termEnd: "" }))).toMatchObject({
      fieldErrors: { termEnd: [expect.stringMatching(/Enter the term end/)] },
    });
    expect(await refusal(form({ basic: "-1", premium: "2.5" }))).toMatchObject({
      fieldErrors: { basic: ["Basic users cannot be negative"], premium: ["Premium users must be a whole number"] },
    });
    expect(await refusal(form({ customerId: b.customer.id }))).toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: { customerId: ["This customer does not exist."] },
    });
    expect(await refusal(form({ customerId: archived.id }))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { customerId: [expect.stringMatching(/archived/)] },
    });
    expect(await refusal(form({ customerId: { not: "" } }))).toMatchObject({
      code: "INVALID",
      fieldErrors: { customerId: [expect.any(String)] },
    });
    expect(await stored()).toEqual(before);
  });

  it("refuses a serial already registered, whoever registered it, beside the serial", async () => {
    const first = form();
    await registerPbx(prisma, b.partnerActor, { ...first, customerId: b.customer.id });
    const before = await stored();
    // Typed in another case and with spaces around it, it is the same serial.
    const again = await registerPbx(prisma, a.partnerActor, {
      ...form(),
      serial: ` ${String(first.serial).toLowerCase()} `,
    }).catch((e) => e);
    expect(again).toMatchObject({ code: "CONFLICT", fieldErrors: { serial: [SERIAL_TAKEN] } });
    expect(await stored()).toEqual(before);
  });

  it("refuses a suspended partner with a clear message, and end users", async () => {
    const before = await stored();
    await expect(registerPbx(prisma, suspended, form())).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: AGREEMENT_SUSPENDED_MESSAGE,
    });
    await expect(registerPbx(prisma, a.endUserActor, form())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await stored()).toEqual(before);
  });
});

describe("the customer picker", () => {
  it("finds the actor's own customers that are not archived, by any part of the name or by id", async () => {
    const bergbahn = await makeCustomer(prisma, a.partner.id, "Zugspitz Bergbahn");
    const names = async (actor: Actor, q?: string) =>
      (await searchCustomersForPbx(prisma, actor, { q })).rows.map((r) => r.name);
    expect(await names(a.partnerActor, "spitz")).toEqual(["Zugspitz Bergbahn"]);
    expect(await names(a.partnerActor, bergbahn.id)).toEqual(["Zugspitz Bergbahn"]);
    expect(await names(a.partnerActor, "Closed Down")).toEqual([]);
    expect(await names(b.partnerActor, "Zugspitz")).toEqual([]);
    expect(await names(a.partnerActor, "%")).toEqual([]);
    const forAdmin = await searchCustomersForPbx(prisma, admin, { q: "Zugspitz" });
    expect(forAdmin.rows).toEqual([{ id: bergbahn.id, name: "Zugspitz Bergbahn", partnerName: a.partner.name }]);

    expect(await customerForPbx(prisma, a.partnerActor, bergbahn.id)).toMatchObject({ id: bergbahn.id });
    expect(await customerForPbx(prisma, b.partnerActor, bergbahn.id)).toBeNull();
    expect(await customerForPbx(prisma, a.partnerActor, archived.id)).toBeNull();
  });
});
