import type { Actor } from "@/lib/auth/actor";
import { assertCan, partnerIdOf, scope } from "@/lib/auth/policy";
import { dayLabelIn, localMidnight } from "@/lib/cdr/statistics/day-labels";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { InvoiceLineKind, InvoiceStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { gatherMonth, monthParameters } from "../gather";
import { buildLines } from "../lines";
import { vatOf, vatTreatment } from "../vat";

const D = Prisma.Decimal;

/** How the dashboard groups the month's lines. */
export type MoneyKind = "flatFees" | "numbers" | "calls" | "freephone" | "sms";

export const KIND_OF_LINE: Record<InvoiceLineKind, MoneyKind> = {
  ACTIVATION: "flatFees",
  RENEWAL: "flatFees",
  USERS_ADDED: "flatFees",
  NUMBER_ORDER: "numbers",
  USAGE_CALLS_AREA: "calls",
  USAGE_FREEPHONE: "freephone",
  USAGE_SMS: "sms",
};

/** Line kinds that bill a recorded charge, which a run claims (its usage lines are gathered again every time). */
const CLAIMED_KINDS = ["ACTIVATION", "RENEWAL", "USERS_ADDED", "NUMBER_ORDER"] as const satisfies InvoiceLineKind[];

/** One currency's month so far, exact decimal strings to the cent. */
export interface MonthMoney {
  currency: string;
  byKind: Record<MoneyKind, string>;
  net: string;
  /** Percent, as the invoice will state it. */
  vatRate: string;
  vat: string;
  total: string;
  reverseCharge: boolean;
}

export interface PreviousInvoice {
  month: string;
  status: InvoiceStatus;
  /** Shown only once issued: a draft is the operator's until then (scope.invoices). */
  issued: { id: string; number: string | null; total: string; currency: string; dueAt: Date | null } | null;
}

export interface MonthSoFar {
  /** The partner's local calendar month, "2026-12" (docs/decisions/0041). */
  month: string;
  timeZone: string;
  /** Empty when nothing was charged yet. */
  money: MonthMoney[];
  /** Calls and SMS of the month not rated: the month cannot be invoiced until they are. */
  unrated: { calls: number; sms: number };
  previous: PreviousInvoice | null;
}

/** The month `by` months from "2026-01": -1 gives "2025-12". */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + by, 1)).toISOString().slice(0, 7);
}

/** The first instant of a local month in the zone. */
const monthStart = (month: string, zone: string) => localMidnight(new Date(`${month}-01T00:00:00Z`), zone);

/** Read-only, one snapshot: the sums and the unrated count agree with each other (no lock, nothing written). */
const SNAPSHOT = { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 120_000, maxWait: 10_000 };

/**
 * The partner's current local month so far, from the statements the invoice run reads
 * (`gatherMonth` + `buildLines`, docs/decisions/0059), so the figure is what a run would bill if the
 * month ended now: net per kind and currency, the VAT the invoice would carry, the calls and SMS
 * not rated yet, and the previous month's invoice.
 */
export async function monthSoFar(db: Db, actor: Actor, now = new Date()): Promise<MonthSoFar> {
  assertCan(actor, "invoices.view");
  if (actor.role !== "PARTNER") throw new AppError("FORBIDDEN", "The month so far is a partner's own.");
  const partnerId = partnerIdOf(actor);
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
    const partner = await tx.partner.findUniqueOrThrow({
      where: { id: partnerId },
      select: { timeZone: true, countryCode: true, vatNumber: true, country: { select: { name: true } } },
    });
    const zone = partner.timeZone;
    const month = dayLabelIn(now, zone).toISOString().slice(0, 7);
    const params = monthParameters(partnerId, month);
    const gathered = await gatherMonth(tx, params);
    const lines = buildLines(gathered);
    // A run of this month by hand has claimed its charges: they no longer gather, its lines hold them.
    const claimed = await tx.invoiceLine.findMany({
      where: { kind: { in: CLAIMED_KINDS }, invoice: { partnerId, periodStart: monthStart(month, zone) } },
      select: { kind: true, amount: true, invoice: { select: { currency: true } } },
    });
    const nextMonthStart = monthStart(shiftMonth(month, 1), zone);
    const vat = vatTreatment(
      { countryCode: partner.countryCode, countryName: partner.country.name, vatNumber: partner.vatNumber },
      new Date(nextMonthStart.getTime() - 1),
    );
    const money = sumByCurrency([
      ...lines,
      ...claimed.map((l) => ({ kind: l.kind, amount: l.amount, currency: l.invoice.currency })),
    ]).map((m) => {
      const vatAmount = vatOf(m.net, vat.rate);
      return {
        currency: m.currency,
        byKind: Object.fromEntries(Object.entries(m.byKind).map(([k, v]) => [k, v.toFixed(2)])) as Record<
          MoneyKind,
          string
        >,
        net: m.net.toFixed(2),
        vatRate: vat.rate.toString(),
        vat: vatAmount.toFixed(2),
        total: m.net.add(vatAmount).toFixed(2),
        reverseCharge: vat.reverseCharge,
      };
    });
    const count = (table: "calls" | "sms") =>
      gathered.unrated.filter((u) => u.table === table).reduce((sum, u) => sum + u.count, 0);
    return {
      month,
      timeZone: zone,
      money,
      unrated: { calls: count("calls"), sms: count("sms") },
      previous: await previousInvoice(tx, actor, partnerId, shiftMonth(month, -1), zone),
    };
  }, SNAPSHOT);
}

/** Net per kind and in all, per currency (never added across currencies), in currency order. */
export function sumByCurrency(lines: { kind: InvoiceLineKind; amount: Prisma.Decimal; currency: string }[]) {
  const sums = new Map<string, { currency: string; net: Prisma.Decimal; byKind: Record<MoneyKind, Prisma.Decimal> }>();
  for (const line of lines) {
    let sum = sums.get(line.currency);
    if (!sum) {
      const zero = new D(0);
      sum = {
        currency: line.currency,
        net: zero,
        byKind: { flatFees: zero, numbers: zero, calls: zero, freephone: zero, sms: zero },
      };
      sums.set(line.currency, sum);
    }
    const kind = KIND_OF_LINE[line.kind];
    sum.byKind[kind] = sum.byKind[kind].add(line.amount);
    sum.net = sum.net.add(line.amount);
  }
  return [...sums.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
}

/**
 * The previous month's invoice: read through the partner's scope (issued ones), and only its status
 * when it is still a draft, so nothing the operator may still change is shown as a figure.
 */
async function previousInvoice(
  tx: Prisma.TransactionClient,
  actor: Actor,
  partnerId: string,
  month: string,
  zone: string,
): Promise<PreviousInvoice | null> {
  const periodStart = monthStart(month, zone);
  const issued = await tx.invoice.findFirst({
    where: { AND: [scope.invoices(actor), { periodStart }] },
    select: { id: true, number: true, status: true, total: true, currency: true, dueAt: true },
  });
  if (issued)
    return {
      month,
      status: issued.status,
      issued: {
        id: issued.id,
        number: issued.number,
        total: issued.total.toFixed(2),
        currency: issued.currency,
        dueAt: issued.dueAt,
      },
    };
  const draft = await tx.invoice.findFirst({
    where: { partnerId, periodStart, status: "DRAFT" },
    select: { status: true },
  });
  return draft ? { month, status: draft.status, issued: null } : null;
}
