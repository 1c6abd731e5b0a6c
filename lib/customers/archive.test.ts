import { describe, expect, it } from "vitest";
import { startActivationRequest } from "@/lib/activations/start-request";
import { AGREEMENT_SUSPENDED_MESSAGE } from "@/lib/auth/policy";
import {
  makeActiveService,
  makeCustomer,
  makeNumbers,
  makePbx,
  makeTwoTenants,
  SAMPLE_LEGAL_ENTITY,
} from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { ARCHIVED_CUSTOMER_MESSAGE, archiveCustomer, restoreCustomer } from "./archive";
import { listCustomers } from "./list-customers";
import { updateCustomer } from "./manage";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
const archivedAt = (id: string) => prisma.customer.findUniqueOrThrow({ where: { id } }).then((c) => c.archivedAt);
const withPbx = async () => {
  const customer = await makeCustomer(prisma, a.partner.id);
  return { customer, pbx: await makePbx(prisma, customer.id) };
};

describe("archiving a customer", () => {
  it("refuses while a service runs or is suspended, saying what holds it", async () => {
    const { customer, pbx } = await withPbx();
    const service = await makeActiveService(prisma, pbx);
    await expect(archiveCustomer(prisma, a.partnerActor, { customerId: customer.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/still has 1 CLASSOUND service/),
    });
    await prisma.classoundService.update({ where: { id: service.id }, data: { status: "SUSPENDED" } });
    await expect(archiveCustomer(prisma, a.partnerActor, { customerId: customer.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await archivedAt(customer.id)).toBeNull();
    // An ended service holds nothing.
    await prisma.classoundService.update({ where: { id: service.id }, data: { status: "EXPIRED" } });
    await archiveCustomer(prisma, a.partnerActor, { customerId: customer.id });
    expect(await archivedAt(customer.id)).not.toBeNull();
  });

  it("refuses while numbers are assigned to its PBXs or a request is open", async () => {
    const { customer, pbx } = await withPbx();
    const numbers = await makeNumbers(prisma, { partnerId: a.partner.id, pbxId: pbx.id }, 3);
    const draft = await startActivationRequest(prisma, a.partnerActor, pbx.id);
    await expect(archiveCustomer(prisma, a.partnerActor, { customerId: customer.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/still has 1 open activation request and 3 assigned numbers/),
    });
    await prisma.activationRequest.update({ where: { id: draft.id }, data: { status: "REJECTED" } });
    await prisma.phoneNumber.updateMany({
      where: { id: { in: numbers.slice(1).map((n) => n.id) } },
      data: { status: "QUARANTINE" },
    });
    await expect(archiveCustomer(prisma, a.partnerActor, { customerId: customer.id })).rejects.toMatchObject({
      message: expect.stringMatching(/still has 1 assigned number:/),
    });
    expect(await archivedAt(customer.id)).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "customer.archived", entityId: customer.id } })).toBe(0);
  });

  it("archives one without services, which then takes no activation request and no edit until restored", async () => {
    const { customer, pbx } = await withPbx();
    const now = new Date("2026-12-01T10:00:00Z");
    await expect(archiveCustomer(prisma, a.partnerActor, { customerId: customer.id }, now)).resolves.toMatchObject({
      archivedAt: now,
    });
    expect(await archivedAt(customer.id)).toEqual(now);
    expect(
      await prisma.auditLog.count({
        where: { action: "customer.archived", entityId: customer.id, actorId: a.partnerActor.userId },
      }),
    ).toBe(1);

    await expect(startActivationRequest(prisma, a.partnerActor, pbx.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: ARCHIVED_CUSTOMER_MESSAGE,
    });
    expect(await prisma.activationRequest.count({ where: { pbxId: pbx.id } })).toBe(0);
    const { countryCode, ...entity } = SAMPLE_LEGAL_ENTITY;
    await expect(
      updateCustomer(prisma, a.partnerActor, { customerId: customer.id, name: "Renamed", countryCode, ...entity }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(archiveCustomer(prisma, a.partnerActor, { customerId: customer.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await restoreCustomer(prisma, a.partnerActor, { customerId: customer.id });
    expect(await archivedAt(customer.id)).toBeNull();
    expect(await prisma.auditLog.count({ where: { action: "customer.restored", entityId: customer.id } })).toBe(1);
    await expect(startActivationRequest(prisma, a.partnerActor, pbx.id)).resolves.toMatchObject({
      customerId: customer.id,
    });
  });

  it("treats another partner's customer as one that does not exist, and refuses end users and a suspended partner", async () => {
    const { customer } = await withPbx();
    for (const attempt of [archiveCustomer, restoreCustomer])
      await expect(attempt(prisma, b.partnerActor, { customerId: customer.id })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    await expect(archiveCustomer(prisma, a.partnerActor, { customerId: "not-an-id" })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(archiveCustomer(prisma, a.endUserActor, { customerId: a.customer.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(archiveCustomer(prisma, admin, { customerId: customer.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      archiveCustomer(prisma, { ...a.partnerActor, agreementSuspended: true }, { customerId: customer.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: AGREEMENT_SUSPENDED_MESSAGE });
    expect(await archivedAt(customer.id)).toBeNull();
  });
});

describe("the customers list", () => {
  it("searches, sorts, pages and filters on the server, with each customer's counts, within the actor's own", async () => {
    const partner = (await makeTwoTenants(prisma)).a;
    const make = async (name: string, extra: Partial<typeof SAMPLE_LEGAL_ENTITY> = {}) => {
      const customer = await makeCustomer(prisma, partner.partner.id, name);
      await prisma.customer.update({ where: { id: customer.id }, data: extra });
      return customer;
    };
    const alpha = await make("Alpha Bau", { contactEmail: "einkauf@alpha-bau.example" });
    const beta = await make("Beta 100%", { legalName: "Beta Holding AG", vatNumber: "DE811111113" });
    const gamma = await make("Gamma Kliniken");
    for (const pbx of [await makePbx(prisma, gamma.id), await makePbx(prisma, gamma.id)])
      await makeNumbers(prisma, { partnerId: partner.partner.id, pbxId: pbx.id }, 2);
    await makeActiveService(prisma, await makePbx(prisma, beta.id));
    await archiveCustomer(prisma, partner.partnerActor, { customerId: alpha.id });

    const list = (search: Parameters<typeof listCustomers>[2] = {}) =>
      listCustomers(prisma, partner.partnerActor, search);
    const names = async (search: Parameters<typeof listCustomers>[2] = {}) =>
      (await list(search)).rows.map((r) => r.name);

    // The archived customer leaves the default list; the filter shows it.
    expect(await names()).toEqual(["Beta 100%", "Gamma Kliniken", partner.customer.name].sort());
    expect(await names({ view: "archived" })).toEqual(["Alpha Bau"]);
    expect((await list()).counts).toMatchObject({ active: 3, archived: 1 });

    const gammaRow = (await list({ q: "gamma" })).rows[0];
    expect(gammaRow).toMatchObject({ pbxs: 2, services: 0, numbers: 4 });
    expect((await list({ q: "holding" })).rows[0]).toMatchObject({
      name: "Beta 100%",
      pbxs: 1,
      services: 1,
      numbers: 0,
    });
    expect(await names({ q: "811111" })).toEqual(["Beta 100%"]);
    expect(await names({ q: "einkauf@alpha", view: "archived" })).toEqual(["Alpha Bau"]);
    // LIKE's wildcards match only themselves.
    expect(await names({ q: "100%" })).toEqual(["Beta 100%"]);
    expect(await names({ q: "_" })).toEqual([]);

    expect((await names({ sort: "numbers" }))[0]).toBe("Gamma Kliniken");
    expect((await names({ sort: "services" }))[0]).toBe("Beta 100%");
    expect(await names({ sort: "name", dir: "desc" })).toEqual(
      ["Beta 100%", "Gamma Kliniken", partner.customer.name].sort().reverse(),
    );

    // Another partner sees none of these; the operator sees them all.
    expect((await listCustomers(prisma, b.partnerActor, { q: "Gamma Kliniken" })).rows).toEqual([]);
    expect((await listCustomers(prisma, admin, { q: "Gamma Kliniken" })).rows.map((r) => r.id)).toEqual([gamma.id]);
    await expect(listCustomers(prisma, a.endUserActor)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("pages by 25, keeping a page past the end on the last one", async () => {
    const partner = (await makeTwoTenants(prisma)).a;
    for (let i = 0; i < 26; i++) await makeCustomer(prisma, partner.partner.id, `Kunde ${String(i).padStart(2, "0")}`);
    const first = await listCustomers(prisma, partner.partnerActor, { q: "Kunde" });
    expect(first).toMatchObject({ total: 26, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(25);
    const past = await listCustomers(prisma, partner.partnerActor, { q: "Kunde", page: 9 });
    expect(past).toMatchObject({ page: 2 });
    expect(past.rows.map((r) => r.name)).toEqual(["Kunde 25"]);
  });
});
