import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, partnerIdOf, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZCustomerEdit, ZNewCustomer } from "./schemas";

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
 * Edits a customer: name, country of service, time zone (null: the partner's) and legal entity,
 * all checked by the form's schema (the legal entity by the activation form's rules). A new
 * country of service must be open to activations; the one it has may stay after it closes. A
 * legal entity on file may be corrected but not emptied; an archived customer is restored first.
 */
export async function updateCustomer(db: Db, actor: Actor, input: unknown) {
  assertCanChange(actor, "customers.manage");
  const { customerId, ...next } = parseOrThrow(ZCustomerEdit, input);
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({ where: { AND: [scope.customers(actor), { id: customerId }] } });
    if (!customer) throw new AppError("NOT_FOUND", "This customer does not exist.");
    if (customer.archivedAt)
      throw new AppError("CONFLICT", `${customer.name} is archived: restore it before editing it.`);
    if (next.countryCode !== customer.countryCode) await assertActivationCountry(tx, next.countryCode);
    if (!next.legalName && customer.legalName)
      throw new AppError("INVALID", "Check the highlighted fields.", {
        legalName: ["The legal entity on file can be corrected, not emptied"],
      });
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== customer[key]);
    if (!changed.length) return { id: customer.id, changed };
    await tx.customer.update({ where: { id: customer.id }, data: next });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "customer.updated",
      entityType: "Customer",
      entityId: customer.id,
      detail: { changed, ...Object.fromEntries(changed.map((key) => [key, next[key]])) },
    });
    return { id: customer.id, changed };
  });
}
