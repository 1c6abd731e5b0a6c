import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { OPEN_STATUSES } from "@/lib/activations/transitions";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import { RUNNING_STATUSES } from "@/lib/pbx/service-status";
import { ZCustomerRef } from "./schemas";

export const ARCHIVED_CUSTOMER_MESSAGE =
  "This customer is archived: restore it on its page before registering a PBX or requesting an activation for it.";

type Tx = Prisma.TransactionClient;

/** What still ties a customer to the portal: it is archived only when all three are zero. */
export async function customerHolds(
  db: Pick<Db, "classoundService" | "activationRequest" | "phoneNumber">,
  customer: { id: string; partnerId: string },
) {
  const [services, openRequests, numbers] = await Promise.all([
    db.classoundService.count({
      where: { status: { in: [...RUNNING_STATUSES] }, pbx: { customerId: customer.id } },
    }),
    db.activationRequest.count({ where: { customerId: customer.id, status: { in: [...OPEN_STATUSES] } } }),
    // With the partner, so the (partnerId, pbxId) index answers: an assigned number always carries it.
    db.phoneNumber.count({
      where: { partnerId: customer.partnerId, status: "ASSIGNED", pbx: { customerId: customer.id } },
    }),
  ]);
  return { services, openRequests, numbers };
}

/** "still has 1 CLASSOUND service (active or suspended) and 3 assigned numbers", or null when nothing holds it. */
export function holdsSentence(holds: Awaited<ReturnType<typeof customerHolds>>): string | null {
  const parts = [
    holds.services && `${formatCount(holds.services, "CLASSOUND service")} (active or suspended)`,
    holds.openRequests && formatCount(holds.openRequests, "open activation request"),
    holds.numbers && formatCount(holds.numbers, "assigned number"),
  ].filter((part): part is string => Boolean(part));
  if (!parts.length) return null;
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
  return `still has ${list}`;
}

/**
 * The customer in the actor's scope, its row locked for the transaction (`FOR UPDATE` to archive or
 * restore it, `FOR SHARE` to add work to it): archiving and a new PBX or activation request then
 * wait for each other instead of both passing their checks. Another partner's customer is NOT_FOUND.
 */
async function lockCustomer(tx: Tx, actor: Actor, customerId: string, mode: "UPDATE" | "SHARE") {
  const customer = await tx.customer.findFirst({
    where: { AND: [scope.customers(actor), { id: customerId }] },
    select: { id: true, name: true, partnerId: true },
  });
  if (!customer) throw new AppError("NOT_FOUND", "This customer does not exist.");
  const [locked] =
    mode === "UPDATE"
      ? await tx.$queryRaw<
          { archivedAt: Date | null }[]
        >`SELECT "archivedAt" FROM "Customer" WHERE id = ${customer.id} FOR UPDATE`
      : await tx.$queryRaw<
          { archivedAt: Date | null }[]
        >`SELECT "archivedAt" FROM "Customer" WHERE id = ${customer.id} FOR SHARE`;
  return { ...customer, archivedAt: locked!.archivedAt };
}

/**
 * For whatever adds work to a customer (a PBX, an activation request), inside its transaction: the
 * customer in the actor's scope, locked against being archived meanwhile; CONFLICT when it is archived.
 */
export async function lockOpenCustomer(tx: Tx, actor: Actor, customerId: string) {
  const customer = await lockCustomer(tx, actor, customerId, "SHARE");
  if (customer.archivedAt) throw new AppError("CONFLICT", ARCHIVED_CUSTOMER_MESSAGE);
  return customer;
}

/**
 * Archives a customer that no longer has anything running: no CLASSOUND service active or
 * suspended, no open activation request, no assigned number. It leaves the lists and takes no new
 * PBX or request until restored; its history stays.
 */
export async function archiveCustomer(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCanChange(actor, "customers.manage");
  const { customerId } = parseOrThrow(ZCustomerRef, input);
  return db.$transaction(async (tx) => {
    const customer = await lockCustomer(tx, actor, customerId, "UPDATE");
    if (customer.archivedAt) throw new AppError("CONFLICT", `${customer.name} is already archived.`);
    const holds = await customerHolds(tx, customer);
    const still = holdsSentence(holds);
    if (still)
      throw new AppError(
        "CONFLICT",
        `${customer.name} ${still}: cancel or end those, release its numbers, and archive it then.`,
      );
    await tx.customer.update({ where: { id: customer.id }, data: { archivedAt: now } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "customer.archived",
      entityType: "Customer",
      entityId: customer.id,
      detail: { name: customer.name },
    });
    return { id: customer.id, archivedAt: now };
  });
}

/** Brings an archived customer back to the lists, able to take PBXs and requests again. */
export async function restoreCustomer(db: Db, actor: Actor, input: unknown) {
  assertCanChange(actor, "customers.manage");
  const { customerId } = parseOrThrow(ZCustomerRef, input);
  return db.$transaction(async (tx) => {
    const customer = await lockCustomer(tx, actor, customerId, "UPDATE");
    if (!customer.archivedAt) throw new AppError("CONFLICT", `${customer.name} is not archived.`);
    await tx.customer.update({ where: { id: customer.id }, data: { archivedAt: null } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "customer.restored",
      entityType: "Customer",
      entityId: customer.id,
      detail: { name: customer.name },
    });
    return { id: customer.id };
  });
}
