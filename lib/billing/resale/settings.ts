import type { Actor } from "@/lib/auth/actor";
import { assertCan, assertCanChange, partnerIdOf, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { containsText } from "@/lib/db/contains-text";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZId } from "@/lib/http/ids";
import { pageOf } from "@/lib/paging";
import { ZClearResalePricing, ZResalePricing, type TResaleBasis } from "./schemas";

// A partner's resale prices (docs/decisions/0063): a rule for all its customers and/or one per
// customer, read by `resaleRulesOf` (rule.ts). Only the partner itself reads or sets them.

export const RESALE_RULES_PAGE_SIZE = 25;
const CUSTOMER_PICK_LIMIT = 20;

export interface ResaleRuleView {
  customerId: string | null;
  customerName: string | null;
  basis: TResaleBasis;
  /** Exact, 2 decimals ("25.00"). */
  markupPercent: string;
  updatedAt: Date;
}

const RULE_SELECT = {
  customerId: true,
  basis: true,
  markupPercent: true,
  updatedAt: true,
  customer: { select: { name: true } },
} satisfies Prisma.ResalePricingSelect;

type RuleRow = Prisma.ResalePricingGetPayload<{ select: typeof RULE_SELECT }>;

const viewOf = (row: RuleRow): ResaleRuleView => ({
  customerId: row.customerId,
  customerName: row.customer?.name ?? null,
  basis: row.basis,
  markupPercent: row.markupPercent.toFixed(2),
  updatedAt: row.updatedAt,
});

/** The partner's rule for all customers, and a page of its customers' own rules (by customer name). */
export async function resalePricingOverview(db: Db, actor: Actor, input: { page?: number } = {}) {
  assertCan(actor, "resale.manage");
  const partnerId = partnerIdOf(actor);
  const own = { partnerId, customerId: { not: null } } satisfies Prisma.ResalePricingWhereInput;
  const [forAll, total] = await Promise.all([
    db.resalePricing.findFirst({ where: { partnerId, customerId: null }, select: RULE_SELECT }),
    db.resalePricing.count({ where: own }),
  ]);
  const paging = pageOf(total, RESALE_RULES_PAGE_SIZE, input.page);
  const rows = await db.resalePricing.findMany({
    where: own,
    select: RULE_SELECT,
    orderBy: [{ customer: { name: "asc" } }, { customerId: "asc" }],
    skip: paging.skip,
    take: paging.take,
  });
  return {
    forAll: forAll && viewOf(forAll),
    customers: { rows: rows.map(viewOf), total, page: paging.page, pageCount: paging.pageCount },
  };
}

export interface ResaleCustomerOption {
  id: string;
  name: string;
  /** The customer's own rule, when it has one. */
  ownRule: { basis: TResaleBasis; markupPercent: string } | null;
}

/** The partner's customers matching `q` (any part of the name, or a pasted id), for the form's picker. */
export async function searchResaleCustomers(db: Db, actor: Actor, input: { q?: string }) {
  assertCan(actor, "resale.manage");
  const partnerId = partnerIdOf(actor);
  const q = input.q?.trim();
  const where: Prisma.CustomerWhereInput = {
    AND: [
      scope.customers(actor),
      { archivedAt: null },
      q ? { OR: [{ name: containsText(q) }, ...(ZId.safeParse(q).success ? [{ id: q }] : [])] } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.customer.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: CUSTOMER_PICK_LIMIT,
      select: {
        id: true,
        name: true,
        resalePricing: { where: { partnerId }, select: { basis: true, markupPercent: true } },
      },
    }),
    db.customer.count({ where }),
  ]);
  const options: ResaleCustomerOption[] = rows.map((c) => ({
    id: c.id,
    name: c.name,
    ownRule: c.resalePricing[0]
      ? { basis: c.resalePricing[0].basis, markupPercent: c.resalePricing[0].markupPercent.toFixed(2) }
      : null,
  }));
  return { rows: options, total };
}

type Tx = Prisma.TransactionClient;

/** The customer named by a rule, within the partner's own: another partner's is NOT_FOUND. */
async function ruleCustomer(tx: Tx, actor: Actor, customerId: string | null) {
  if (!customerId) return null;
  const customer = await tx.customer.findFirst({
    where: { AND: [scope.customers(actor), { id: customerId }] },
    select: { id: true, name: true },
  });
  if (!customer) throw new AppError("NOT_FOUND", "This customer does not exist.");
  return customer;
}

/** One writer of a partner's rules at a time: the (partner, customer) key is unique, nulls included. */
const lockRules = (tx: Tx, partnerId: string) =>
  tx.$queryRaw`SELECT pg_advisory_xact_lock(63, hashtext(${partnerId}))::text AS locked`;

/** Sets the partner's rule for all customers (no customer) or for one of its customers; audited. */
export async function setResalePricing(db: Db, actor: Actor, input: unknown): Promise<ResaleRuleView> {
  assertCanChange(actor, "resale.manage");
  const partnerId = partnerIdOf(actor);
  const { customerId, basis, markupPercent } = parseOrThrow(ZResalePricing, input);
  return db.$transaction(async (tx) => {
    const customer = await ruleCustomer(tx, actor, customerId);
    await lockRules(tx, partnerId);
    const existing = await tx.resalePricing.findFirst({ where: { partnerId, customerId }, select: { id: true } });
    const data = { basis, markupPercent };
    const saved = existing
      ? await tx.resalePricing.update({ where: { id: existing.id }, data, select: RULE_SELECT })
      : await tx.resalePricing.create({ data: { partnerId, customerId, ...data }, select: RULE_SELECT });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "resale.pricing_set",
      entityType: customer ? "Customer" : "Partner",
      entityId: customer?.id ?? partnerId,
      detail: { basis, markupPercent: saved.markupPercent.toFixed(2), customer: customer?.name ?? null },
    });
    return viewOf(saved);
  });
}

/** Removes a rule: a customer's own (the partner's for all then applies) or the partner's (the End User list). */
export async function clearResalePricing(db: Db, actor: Actor, input: unknown): Promise<{ removed: boolean }> {
  assertCanChange(actor, "resale.manage");
  const partnerId = partnerIdOf(actor);
  const { customerId } = parseOrThrow(ZClearResalePricing, input);
  return db.$transaction(async (tx) => {
    const customer = await ruleCustomer(tx, actor, customerId);
    await lockRules(tx, partnerId);
    const { count } = await tx.resalePricing.deleteMany({ where: { partnerId, customerId } });
    if (count)
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "resale.pricing_cleared",
        entityType: customer ? "Customer" : "Partner",
        entityId: customer?.id ?? partnerId,
        detail: { customer: customer?.name ?? null },
      });
    return { removed: count > 0 };
  });
}
