import { describe, expect, it } from "vitest";
import { pickLegalEntity } from "@/lib/activations/schemas";
import { AGREEMENT_SUSPENDED_MESSAGE } from "@/lib/auth/policy";
import { makeCustomer, makeTwoTenants, SAMPLE_LEGAL_ENTITY } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { customerDetail } from "./customer-detail";
import { updateCustomer } from "./manage";
import { ZCustomerEdit } from "./schemas";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
await prisma.country.update({ where: { code: "DE" }, data: { activationEnabled: true } });
await prisma.partner.update({ where: { id: a.partner.id }, data: { timeZone: "Europe/Vienna" } });
const entity = pickLegalEntity(SAMPLE_LEGAL_ENTITY);

const edit = (customer: { id: string; name: string }, values: Record<string, unknown> = {}) => ({
  customerId: customer.id,
  name: customer.name,
  countryCode: "DE",
  timeZone: "",
  ...entity,
  ...values,
});
const stored = (id: string) => prisma.customer.findUniqueOrThrow({ where: { id } });
const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e);

describe("editing a customer", () => {
  it("stores the name, the legal entity and the time zone, and audits what changed", async () => {
    const customer = await makeCustomer(prisma, a.partner.id);
    const result = await updateCustomer(
      prisma,
      a.partnerActor,
      edit(customer, {
        name: "  Seeblick Hotel ",
        contactEmail: "Front.Desk@Seeblick.Example",
        timeZone: "Europe/Zurich",
      }),
    );
    expect(await stored(customer.id)).toMatchObject({
      name: "Seeblick Hotel",
      legalName: entity.legalName,
      vatNumber: entity.vatNumber,
      contactEmail: "front.desk@seeblick.example",
      contactPhone: entity.contactPhone,
      timeZone: "Europe/Zurich",
    });
    expect(result.changed).toEqual(expect.arrayContaining(["name", "timeZone", "legalName", "contactEmail"]));
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { action: "customer.updated", entityId: customer.id, actorId: a.partnerActor.userId },
    });
    expect(audit.detail).toMatchObject({ name: "Seeblick Hotel", timeZone: "Europe/Zurich" });

    // The same values again change nothing and write no second entry.
    await updateCustomer(
      prisma,
      a.partnerActor,
      edit(customer, {
        name: "Seeblick Hotel",
        contactEmail: "front.desk@seeblick.example",
        timeZone: "Europe/Zurich",
      }),
    );
    expect(await prisma.auditLog.count({ where: { action: "customer.updated", entityId: customer.id } })).toBe(1);
  });

  it("parses what it gave back to the same values, since the action and the domain function both check them", () => {
    const customerId = a.customer.id;
    for (const input of [
      edit(a.customer, { timeZone: "Europe/Kyiv", contactEmail: " Anna@Example.TEST " }),
      { customerId, name: "No entity yet", countryCode: "DE" },
    ]) {
      const once = ZCustomerEdit.parse(input);
      expect(ZCustomerEdit.parse(once)).toEqual(once);
    }
    expect(ZCustomerEdit.parse({ customerId, name: "No entity yet", countryCode: "DE" })).toMatchObject({
      legalName: null,
      timeZone: null,
    });
  });

  it.each([
    ["vatNumber", { vatNumber: "DE136695977" }, /check digits/],
    ["postcode", { postcode: "8080" }, /not a postcode of DE/],
    ["contactEmail", { contactEmail: "anna.weber@" }, /valid e-mail/],
    ["contactPhone", { contactPhone: "+49 89 123456" }, /E\.164/],
    ["contactPhone", { contactPhone: "+4900000" }, /not a valid phone number/],
    ["timeZone", { timeZone: "Europe/Atlantis" }, /time zone from the list/],
    ["timeZone", { timeZone: "+01:00" }, /time zone from the list/],
  ])("refuses a bad %s beside its field, and stores nothing", async (field, values, message) => {
    const customer = await makeCustomer(prisma, a.partner.id);
    const before = await stored(customer.id);
    const error = await failure(updateCustomer(prisma, a.partnerActor, edit(customer, { name: "Renamed", ...values })));
    expect(error).toMatchObject({ code: "INVALID" });
    const fieldErrors = (error as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fieldErrors)).toEqual([field]);
    expect(fieldErrors[field]!.join(" ")).toMatch(message);
    expect(await stored(customer.id)).toEqual(before);
  });

  it("checks the VAT number and postcode against the new country of service", async () => {
    await prisma.country.upsert({
      where: { code: "AT" },
      update: { activationEnabled: true },
      create: {
        code: "AT",
        name: "Austria",
        dialCode: "43",
        isEu: true,
        callTerminationArea: 1,
        activationEnabled: true,
      },
    });
    const customer = await makeCustomer(prisma, a.partner.id);
    const error = await failure(updateCustomer(prisma, a.partnerActor, edit(customer, { countryCode: "AT" })));
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors).sort()).toEqual(["postcode", "vatNumber"]);
    await updateCustomer(
      prisma,
      a.partnerActor,
      edit(customer, { countryCode: "AT", vatNumber: "ATU13585627", postcode: "1010", city: "Wien" }),
    );
    expect(await stored(customer.id)).toMatchObject({ countryCode: "AT", vatNumber: "ATU13585627" });
  });

  it("takes a legal entity all empty (not known yet) or whole, never in part, and never empties one on file", async () => {
    const customer = await makeCustomer(prisma, a.partner.id);
    const blank = Object.fromEntries(Object.keys(entity).map((key) => [key, " "]));
    await updateCustomer(prisma, a.partnerActor, edit(customer, { ...blank, name: "Only A Name" }));
    expect(await stored(customer.id)).toMatchObject({ name: "Only A Name", legalName: null });

    const partial = await failure(
      updateCustomer(prisma, a.partnerActor, edit(customer, { ...blank, legalName: "Half GmbH" })),
    );
    expect(Object.keys((partial as { fieldErrors: object }).fieldErrors)).toContain("vatNumber");
    expect((await stored(customer.id)).legalName).toBeNull();

    await updateCustomer(prisma, a.partnerActor, edit(customer));
    await expect(updateCustomer(prisma, a.partnerActor, edit(customer, blank))).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { legalName: [expect.stringMatching(/not emptied/)] },
    });
    expect((await stored(customer.id)).legalName).toBe(entity.legalName);
  });

  it("leaves the time zone to the partner's when none is chosen, and the page shows the partner's", async () => {
    const customer = await makeCustomer(prisma, a.partner.id);
    await updateCustomer(prisma, a.partnerActor, edit(customer, { timeZone: "America/New_York" }));
    await updateCustomer(prisma, a.partnerActor, edit(customer, { timeZone: "" }));
    expect((await stored(customer.id)).timeZone).toBeNull();
    expect(await customerDetail(prisma, a.partnerActor, customer.id)).toMatchObject({
      timeZone: null,
      partnerTimeZone: "Europe/Vienna",
      effectiveTimeZone: "Europe/Vienna",
    });
  });
});

describe("who may read and edit a customer", () => {
  it("treats another partner's customer as one that does not exist, for reading and editing", async () => {
    const before = await stored(a.customer.id);
    await expect(customerDetail(prisma, b.partnerActor, a.customer.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateCustomer(prisma, b.partnerActor, edit(a.customer, { name: "Taken over" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(customerDetail(prisma, a.partnerActor, "c" + "z".repeat(24))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A filter object instead of an id names nothing.
    await expect(customerDetail(prisma, a.partnerActor, { not: "" })).rejects.toMatchObject({ code: "INVALID" });
    expect(await stored(a.customer.id)).toEqual(before);
    // Its own partner and the operator read it.
    expect((await customerDetail(prisma, a.partnerActor, a.customer.id)).pbxs.map((p) => p.serial)).toEqual([
      a.pbx.serial,
    ]);
    expect((await customerDetail(prisma, admin, a.customer.id)).endUserCount).toBe(1);
  });

  it("refuses end users, admins and a suspended partner, and changes nothing", async () => {
    const before = await stored(a.customer.id);
    await expect(updateCustomer(prisma, a.endUserActor, edit(a.customer, { name: "Mine now" }))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(customerDetail(prisma, a.endUserActor, a.customer.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateCustomer(prisma, admin, edit(a.customer, { name: "Operator's" }))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const suspended = { ...a.partnerActor, agreementSuspended: true };
    await expect(
      updateCustomer(prisma, suspended, edit(a.customer, { name: "While suspended" })),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: AGREEMENT_SUSPENDED_MESSAGE });
    // Reading stays open to a suspended partner (R9: read-only).
    await expect(customerDetail(prisma, suspended, a.customer.id)).resolves.toMatchObject({ id: a.customer.id });
    expect(await stored(a.customer.id)).toEqual(before);
  });
});
