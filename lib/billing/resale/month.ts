import type { Actor } from "@/lib/auth/actor";
import { assertCan, partnerIdOf, scope } from "@/lib/auth/policy";
import { gatherMonth, monthParameters, type MonthGathered } from "@/lib/billing/gather";
import { buildLines, invoiceCurrency, InvoiceCurrencyMismatch, type DraftLine } from "@/lib/billing/lines";
import { localMonth } from "@/lib/cdr/rating/oracle";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { InvoiceLineKind } from "@/lib/db/generated/enums";
import { AppError, parseOrThrow } from "@/lib/errors";
import { formatCount } from "@/lib/format";
import { gatherEndUserPrices, type EndUserSums, type UnitPrices } from "./end-user-prices";
import { resalePrice, resaleRulesOf, type ResaleRule } from "./rule";
import { ZMonth, type TResaleBasis } from "./schemas";

// A partner's month re-billed per customer (docs/decisions/0063): the lines the invoice run builds
// (gatherMonth + buildLines), each priced three ways: what the partner pays, the End User list, and
// the partner's resale price for the line's customer; the margin is resale less purchase.

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;
const cents = (value: Decimal) => value.toDecimalPlaces(2, D.ROUND_HALF_UP);
/** A month of many PBXs reads a month of calls twice: more than Prisma's 5 s, one consistent snapshot. */
const SNAPSHOT = { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 120_000, maxWait: 10_000 };

/** One line before the customer's rule: its exact purchase and End User amounts (unrounded). */
interface PricedLine {
  line: DraftLine;
  purchaseExact: Decimal;
  endUserExact: Decimal;
  /** False when the End User list had no price for (part of) the line: its purchase price stands in. */
  endUserListed: boolean;
}

const NONE: MonthGathered = { charges: [], orderLines: [], calls: [], sms: [] };
/** The line `buildLines` makes of one gathered row, so each line keeps the row it came from. */
const lineOf = (rows: Partial<MonthGathered>) => buildLines({ ...NONE, ...rows })[0]!;

/** A recorded charge at the End User list: its amount × (End User unit price / purchase unit price). */
function recorded(line: DraftLine, units: UnitPrices): PricedLine {
  const ratio =
    units.purchaseUnit && units.endUserUnit && new D(units.purchaseUnit).isPositive()
      ? new D(units.endUserUnit).div(units.purchaseUnit)
      : null;
  return {
    line,
    purchaseExact: line.amount,
    endUserExact: ratio ? line.amount.mul(ratio) : line.amount,
    endUserListed: ratio !== null,
  };
}

/** Usage at the End User list: the End User prices rating stored for the same records, summed. */
function usage(line: DraftLine, cost: string, sums: EndUserSums | undefined): PricedLine {
  const purchaseExact = new D(cost);
  if (!sums) return { line, purchaseExact, endUserExact: purchaseExact, endUserListed: false };
  return {
    line,
    purchaseExact,
    endUserExact: new D(sums.endUser ?? 0).add(sums.unpricedCost),
    endUserListed: sums.unpriced === 0,
  };
}

const fixed5 = (value: string | null) => (value === null ? "" : new D(value).toFixed(5));
/** What identifies a usage group in both readings: its keys and its own figures. */
type CallGroup = Pick<
  MonthGathered["calls"][number],
  "pbxId" | "area" | "countryCode" | "currency" | "perMinute" | "calls" | "seconds" | "cost"
> & { source: string | null };
const callKey = (r: CallGroup) =>
  [
    r.pbxId,
    r.area ?? "",
    r.countryCode ?? "",
    r.source ?? "",
    r.currency,
    fixed5(r.perMinute),
    r.calls,
    r.seconds,
    fixed5(r.cost),
  ].join("|");
const smsKey = (r: { pbxId: string; currency: string; unitPrice: string; messages: number }) =>
  [r.pbxId, r.currency, fixed5(r.unitPrice), r.messages].join("|");

/** Rows by key, each taken once (two identical groups are interchangeable). */
function queues<R>(rows: R[], key: (row: R) => string): (k: string) => R | undefined {
  const byKey = new Map<string, R[]>();
  for (const row of rows) byKey.set(key(row), [...(byKey.get(key(row)) ?? []), row]);
  return (k: string) => byKey.get(k)?.shift();
}

type Tx = Prisma.TransactionClient;

async function pricedLinesOf(tx: Tx, partnerId: string, month: string) {
  const params = monthParameters(partnerId, month);
  const gathered = await gatherMonth(tx, params);
  const endUser = await gatherEndUserPrices(tx, params);
  const unrated = gathered.unrated.reduce((sum, u) => sum + u.count, 0);
  const lines: PricedLine[] = [];
  // Charges and order lines: read here whether invoiced or not (gatherMonth reads only those still to bill).
  for (const c of endUser.charges) lines.push(recorded(lineOf({ charges: [c] }), c));
  for (const l of endUser.orderLines) lines.push(recorded(lineOf({ orderLines: [l] }), l));
  const callSums = queues(endUser.calls, callKey);
  for (const row of gathered.calls) lines.push(usage(lineOf({ calls: [row] }), row.cost, callSums(callKey(row))));
  const smsSums = queues(endUser.sms, smsKey);
  for (const row of gathered.sms) lines.push(usage(lineOf({ sms: [row] }), row.cost, smsSums(smsKey(row))));
  return { lines, unrated };
}

/** The customer of each PBX the lines name. */
async function customersOfPbxs(tx: Tx, pbxIds: string[]) {
  const pbxs = await tx.pbx.findMany({
    where: { id: { in: [...new Set(pbxIds)] } },
    select: { id: true, customer: { select: { id: true, name: true } } },
  });
  return new Map(pbxs.map((p) => [p.id, p.customer]));
}

const KIND_ORDER = Object.values(InvoiceLineKind);
/** The invoice's order: by PBX name, PBX, kind, then the line's own words and amount. */
function compareLines(a: DraftLine, b: DraftLine) {
  const keys: [string | number, string | number][] = [
    [a.pbxName ?? "\uffff", b.pbxName ?? "\uffff"],
    [a.pbxId ?? "", b.pbxId ?? ""],
    [KIND_ORDER.indexOf(a.kind), KIND_ORDER.indexOf(b.kind)],
    [a.description, b.description],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return a.amount.cmp(b.amount);
}

/** How much of what a line counts, in words: "10 numbers", "12.500 min", "250 SMS". */
export function quantityText(line: Pick<DraftLine, "kind" | "quantity">): string {
  const n = line.quantity.toNumber();
  switch (line.kind) {
    case "NUMBER_ORDER":
      return formatCount(n, "number");
    case "USAGE_CALLS_AREA":
    case "USAGE_FREEPHONE":
      return `${line.quantity.toFixed(3)} min`;
    case "USAGE_SMS":
      return formatCount(n, "SMS", "SMS");
    default:
      return "";
  }
}

export interface RuleView {
  basis: TResaleBasis;
  markupPercent: string;
  source: ResaleRule["source"];
}
const ruleView = (rule: ResaleRule): RuleView => ({
  basis: rule.basis,
  markupPercent: rule.markupPercent.toFixed(2),
  source: rule.source,
});

export interface RebillingLine {
  kind: InvoiceLineKind;
  pbxId: string | null;
  pbxName: string | null;
  description: string;
  quantity: string;
  /** The invoice line's formula, at the partner's purchase prices. */
  formula: string;
  currency: string;
  purchase: string;
  endUser: string;
  resale: string;
  margin: string;
  endUserListed: boolean;
}

export interface Totals {
  purchase: string;
  endUser: string;
  resale: string;
  margin: string;
}

export interface RebillingCustomer {
  /** Null for charges of no PBX (a charge whose service is gone): the partner's, no customer's. */
  customerId: string | null;
  customerName: string | null;
  rule: RuleView;
  currency: string;
  totals: Totals;
  lines: RebillingLine[];
}

export interface RebillingMonth {
  month: string;
  currency: string | null;
  customers: RebillingCustomer[];
  totals: Totals | null;
  /** Calls and SMS of the month not rated yet: in no figure here (never at 0), and the invoice waits for them. */
  unrated: number;
}

function priceLine(p: PricedLine, rule: ResaleRule): RebillingLine {
  const { line } = p;
  const resale = cents(resalePrice(rule, { purchase: p.purchaseExact, endUser: p.endUserExact }));
  return {
    kind: line.kind,
    pbxId: line.pbxId,
    pbxName: line.pbxName,
    description: line.description,
    quantity: quantityText(line),
    formula: line.formula,
    currency: line.currency,
    purchase: line.amount.toFixed(2),
    endUser: cents(p.endUserExact).toFixed(2),
    resale: resale.toFixed(2),
    margin: resale.sub(line.amount).toFixed(2),
    endUserListed: p.endUserListed,
  };
}

function totalsOf(lines: Pick<RebillingLine, keyof Totals>[]): Totals {
  const sum = (key: keyof Totals) => lines.reduce((s, l) => s.add(l[key]), new D(0)).toFixed(2);
  return { purchase: sum("purchase"), endUser: sum("endUser"), resale: sum("resale"), margin: sum("margin") };
}

function currencyOf(lines: DraftLine[]) {
  if (!lines.length) return null;
  try {
    return invoiceCurrency(lines);
  } catch (error) {
    if (error instanceof InvoiceCurrencyMismatch) throw new AppError("CONFLICT", error.message);
    throw error;
  }
}

/** The partner's month per customer, optionally one customer's, read in one snapshot. */
async function monthOfPartner(db: Db, partnerId: string, month: string, customerId?: string): Promise<RebillingMonth> {
  return db.$transaction(async (tx) => {
    const { lines, unrated } = await pricedLinesOf(tx, partnerId, month);
    const customers = await customersOfPbxs(
      tx,
      lines.flatMap((p) => (p.line.pbxId ? [p.line.pbxId] : [])),
    );
    const ruleOf = await resaleRulesOf(tx, partnerId);
    const currency = currencyOf(lines.map((p) => p.line));
    const groups = new Map<string | null, { name: string | null; lines: PricedLine[] }>();
    for (const p of lines.sort((a, b) => compareLines(a.line, b.line))) {
      const customer = p.line.pbxId ? customers.get(p.line.pbxId) : undefined;
      const key = customer?.id ?? null;
      if (customerId !== undefined && key !== customerId) continue;
      const group = groups.get(key) ?? { name: customer?.name ?? null, lines: [] };
      group.lines.push(p);
      groups.set(key, group);
    }
    const result = [...groups].map(([id, group]): RebillingCustomer => {
      const rule = id ? ruleOf(id) : ruleOf("");
      const priced = group.lines.map((p) => priceLine(p, rule));
      return {
        customerId: id,
        customerName: group.name,
        rule: ruleView(rule),
        currency: currency!,
        totals: totalsOf(priced),
        lines: priced,
      };
    });
    result.sort((a, b) => (a.customerName ?? "\uffff").localeCompare(b.customerName ?? "\uffff", "en"));
    return {
      month,
      currency: result.length ? currency : null,
      customers: result,
      totals: result.length ? totalsOf(result.map((c) => c.totals)) : null,
      unrated,
    };
  }, SNAPSHOT);
}

/** The month asked for, else the partner's current local month ("this month so far"). */
function monthOr(month: string | undefined, timeZone: string, now: Date) {
  return month === undefined ? localMonth(now, timeZone) : parseOrThrow(ZMonth, month);
}

/**
 * The partner's month per customer at its resale prices beside its purchase prices and margin
 * (issue 33). The partner only; one customer's (`customerId`) must be its own: NOT_FOUND otherwise.
 */
export async function rebillingMonth(
  db: Db,
  actor: Actor,
  input: { month?: string; customerId?: string },
  now = new Date(),
): Promise<RebillingMonth & { customer: { id: string; name: string } | null }> {
  assertCan(actor, "resale.manage");
  const partnerId = partnerIdOf(actor);
  const [partner, customer] = await Promise.all([
    db.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { timeZone: true } }),
    input.customerId
      ? db.customer.findFirst({
          where: { AND: [scope.customers(actor), { id: input.customerId }] },
          select: { id: true, name: true },
        })
      : null,
  ]);
  if (input.customerId && !customer) throw new AppError("NOT_FOUND", "This customer does not exist.");
  const month = monthOr(input.month, partner.timeZone, now);
  return { ...(await monthOfPartner(db, partnerId, month, customer?.id)), customer };
}

/** A line as the end user sees it: its resale price only, never what its partner pays. */
export interface CustomerMonthLine {
  kind: InvoiceLineKind;
  pbxName: string | null;
  description: string;
  quantity: string;
  amount: string;
}

export interface CustomerMonth {
  month: string;
  customerName: string;
  currency: string | null;
  total: string | null;
  lines: CustomerMonthLine[];
}

/**
 * An end user's own month: its customer's lines at the partner's resale prices (issue 33). Built
 * from the same reading as the partner's view, then cut down to the resale figures: purchase
 * prices, End User list prices behind a markup, margins and formulas (which state purchase rates)
 * never leave this function.
 */
export async function customerMonth(
  db: Db,
  actor: Actor,
  input: { month?: string },
  now = new Date(),
): Promise<CustomerMonth> {
  assertCan(actor, "resale.view");
  if (actor.role !== "END_USER" || !actor.customerId)
    throw new AppError("FORBIDDEN", "You do not have access to this.");
  const customer = await db.customer.findFirst({
    where: { AND: [scope.customers(actor), { id: actor.customerId }] },
    select: { id: true, name: true, partnerId: true, partner: { select: { timeZone: true } } },
  });
  if (!customer) throw new AppError("NOT_FOUND", "This customer does not exist.");
  const month = monthOr(input.month, customer.partner.timeZone, now);
  const view = await monthOfPartner(db, customer.partnerId, month, customer.id);
  const own = view.customers[0];
  return {
    month,
    customerName: customer.name,
    currency: own?.currency ?? null,
    total: own?.totals.resale ?? null,
    lines: (own?.lines ?? []).map((l) => ({
      kind: l.kind,
      pbxName: l.pbxName,
      description: l.description,
      quantity: l.quantity,
      amount: l.resale,
    })),
  };
}
