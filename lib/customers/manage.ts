import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, partnerIdOf, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { pickLegalEntity } from "@/lib/activations/schemas";
import { ZCustomerLegalEntity, ZNewCustomer } from "./schemas";

async function assertActivationCountry(db: Pick<Db, "country">, countryCode: string) {
  const country = await db.country.findFirst({
    where: { code: countryCode, activationEnabled: true },
    select: { code: true },
  });
  if (!country)
    throw new AppError("INVALID", "Choose a country of service from the list.", {
      countryCode: ["Choose a country of service from the list"],
    });
}

/** A partner registers a customer of its own (the partner comes from the session, never the input). */
export async function createCustomer(db: Db, actor: Actor, input: unknown) {
  assertCanChange(actor, "customers.manage");
  const { name, countryCode } = parseOrThrow(ZNewCustomer, input);
  await assertActivationCountry(db, countryCode);
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.create({
      data: { name, countryCode, partnerId: partnerIdOf(actor) },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "customer.created",
      entityType: "Customer",
      entityId: customer.id,
      detail: { name, countryCode },
    });
    return customer;
  });
}

/**
 * Sets a customer's legal entity and country of service: the compliance profile the next activation
 * request starts from. Another partner's customer is NOT_FOUND, like one that does not exist.
 */
export async function updateCustomerLegalEntity(db: Db, actor: Actor, input: unknown) {
  assertCanChange(actor, "customers.manage");
  const { customerId, values } = parseOrThrow(ZCustomerLegalEntity, input);
  await assertActivationCountry(db, values.countryCode);
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { AND: [scope.customers(actor), { id: customerId }] },
      select: { id: true },
    });
    if (!customer) throw new AppError("NOT_FOUND", "This customer does not exist.");
    const legalEntity = pickLegalEntity(values);
    await tx.customer.update({ where: { id: customer.id }, data: { ...legalEntity, countryCode: values.countryCode } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "customer.legal_entity_updated",
      entityType: "Customer",
      entityId: customer.id,
      detail: { ...legalEntity, countryCode: values.countryCode },
    });
  });
}
