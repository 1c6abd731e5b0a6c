import { describe, expect, it } from "vitest";
import { complianceProfiles } from "@/lib/activations/compliance-profile";
import { ZActivationForm } from "@/lib/activations/form-schema";
import { makeCountry, makeTwoTenants, SAMPLE_LEGAL_ENTITY } from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { createCustomer, updateCustomer } from "./manage";

const { prisma } = await createTestDatabase();
const { a, b, admin } = await makeTwoTenants(prisma);
await prisma.country.update({ where: { code: "DE" }, data: { activationEnabled: true } });
const closed = await makeCountry(prisma, { code: "CH", name: "Switzerland" });
await prisma.country.update({ where: { code: "CH" }, data: { activationEnabled: false } });
const entity = { ...SAMPLE_LEGAL_ENTITY, countryCode: "DE" };
// The customer's edit as its page sends it: the customer, its name, and the legal entity's fields.
const editOf = (customer: { id: string; name: string }, values: object = entity) => ({
  customerId: customer.id,
  name: customer.name,
  ...values,
});

describe("a partner's customers", () => {
  it("adds a customer to the partner in the session, whatever the input says", async () => {
    const created = await createCustomer(prisma, a.partnerActor, {
      name: "  Alpenblick Hotel  ",
      countryCode: "DE",
      partnerId: b.partner.id,
    });
    const stored = await prisma.customer.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({
      name: "Alpenblick Hotel",
      countryCode: "DE",
      partnerId: a.partner.id,
      legalName: null,
    });
    expect(
      await prisma.auditLog.count({
        where: { action: "customer.created", entityId: created.id, actorId: a.partnerActor.userId },
      }),
    ).toBe(1);
  });

  it("refuses a blank name, a country without activation, admins and end users", async () => {
    await expect(createCustomer(prisma, a.partnerActor, { name: " ", countryCode: "DE" })).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { name: ["Name is required"] },
    });
    await expect(
      createCustomer(prisma, a.partnerActor, { name: "Nowhere Ltd", countryCode: closed.code }),
    ).rejects.toMatchObject({ code: "INVALID", fieldErrors: { countryCode: expect.any(Array) } });
    await expect(createCustomer(prisma, admin, { name: "Admin's own", countryCode: "DE" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      createCustomer(prisma, a.endUserActor, { name: "Self-made", countryCode: "DE" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("edits the legal entity with the activation form's schema, and the next profile shows it", async () => {
    const customer = await createCustomer(prisma, a.partnerActor, { name: "Brauhaus", countryCode: "DE" });
    await updateCustomer(prisma, a.partnerActor, editOf(customer));
    const profile = (await complianceProfiles(prisma, a.partnerActor)).find((p) => p.id === customer.id)!;
    expect(profile.legalEntity).toMatchObject({
      legalName: entity.legalName,
      vatNumber: entity.vatNumber,
      contactPhone: entity.contactPhone,
    });

    // The very messages the activation form gives, field by field.
    const bad = { ...entity, vatNumber: "DE 12#", contactPhone: "089 123" };
    const expected = ZActivationForm.safeParse(bad).error!.issues.map((i) => i.message);
    const failure = await updateCustomer(prisma, a.partnerActor, editOf(customer, bad)).catch((e) => e);
    expect(failure.code).toBe("INVALID");
    expect(
      Object.values(failure.fieldErrors as Record<string, string[]>)
        .flat()
        .sort(),
    ).toEqual(expected.sort());
  });

  it("treats another partner's customer as one that does not exist, and changes nothing of it", async () => {
    await expect(updateCustomer(prisma, b.partnerActor, editOf(a.customer))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      updateCustomer(prisma, a.partnerActor, editOf({ id: "c" + "z".repeat(24), name: "Nobody" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateCustomer(prisma, a.partnerActor, { ...editOf(a.customer), customerId: { not: "" } }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect((await prisma.customer.findUniqueOrThrow({ where: { id: a.customer.id } })).legalName).toBeNull();
  });
});

describe("search", () => {
  it("finds customers by name, legal name or VAT number, within the actor's own customers only", async () => {
    const alpine = await createCustomer(prisma, a.partnerActor, { name: "Zugspitz Bergbahn", countryCode: "DE" });
    await updateCustomer(
      prisma,
      a.partnerActor,
      editOf(alpine, { ...entity, legalName: "Bayerische Zugspitzbahn AG", vatNumber: "DE811111113" }),
    );
    const names = async (actor: typeof a.partnerActor, q: string) =>
      (await complianceProfiles(prisma, actor, new Date(), { q })).map((p) => p.name);
    expect(await names(a.partnerActor, "zugspitz")).toEqual(["Zugspitz Bergbahn"]);
    expect(await names(a.partnerActor, "Zugspitzbahn AG")).toEqual(["Zugspitz Bergbahn"]);
    expect(await names(a.partnerActor, "811111")).toEqual(["Zugspitz Bergbahn"]);
    expect(await names(b.partnerActor, "Zugspitz")).toEqual([]);
    expect(await names(admin, "Zugspitz")).toEqual(["Zugspitz Bergbahn"]);
    // Characters LIKE treats specially match only themselves.
    expect(await names(a.partnerActor, "%")).toEqual([]);
    expect(await names(a.partnerActor, "Zugspitz_Bergbahn")).toEqual([]);
  });
});
