import { Prisma } from "@/lib/db/generated/client";
import type { FreephoneSource, InvoiceLineKind } from "@/lib/db/generated/enums";
import { formatCount } from "@/lib/format";
import { INCLUDED_PER_USER } from "@/lib/pricing/catalogue";
import type { MonthGathered } from "./gather";

const D = Prisma.Decimal;
const cents = (value: Prisma.Decimal) => value.toDecimalPlaces(2, D.ROUND_HALF_UP);

/** An invoice line before it is stored, with what it bills (to mark those rows invoiced). */
export interface DraftLine {
  kind: InvoiceLineKind;
  pbxId: string | null;
  pbxName: string | null;
  area: number | null;
  countryCode: string | null;
  freephoneSource: FreephoneSource | null;
  description: string;
  quantity: Prisma.Decimal;
  unitPrice: Prisma.Decimal;
  amount: Prisma.Decimal;
  formula: string;
  currency: string;
  /** The ServiceCharge or NumberOrderLine this line bills; null for usage. */
  chargeId: string | null;
  orderLineId: string | null;
  /** Within a PBX and kind: the area, country and source, the unit price, then the time it arose. */
  tieBreak: string;
}

const KIND_ORDER: InvoiceLineKind[] = [
  "ACTIVATION",
  "RENEWAL",
  "USERS_ADDED",
  "NUMBER_ORDER",
  "USAGE_CALLS_AREA",
  "USAGE_FREEPHONE",
  "USAGE_SMS",
];

const CHARGE_LABEL = {
  ACTIVATION: "CLASSOUND activation: flat fee to the PBX's expiry",
  RENEWAL: "CLASSOUND renewal: flat fee for the next term",
  USERS_ADDED: "Users added: flat fee for the rest of the term",
} as const;

const SOURCE_LABEL: Record<FreephoneSource, string> = { FIXED: "fixed", MOBILE: "mobile", PAYPHONE: "payphone" };

const NO_USAGE_FIELDS = { area: null, countryCode: null, freephoneSource: null } as const;
const pad = (n: number) => String(n).padStart(6, "0");

/**
 * The month's lines (docs/decisions/0059), each with its formula: recorded charges as they were
 * charged (their amount and formula, never recomputed), usage as the sum of the costs rating stored,
 * rounded half-up to cents once per line. Ordered by PBX (by name), then kind, so re-runs agree.
 */
export function buildLines({ charges, orderLines, calls, sms }: MonthGathered): DraftLine[] {
  const lines: DraftLine[] = [];
  for (const c of charges) {
    const amount = new D(c.amount);
    lines.push({
      kind: c.kind,
      pbxId: c.pbxId,
      pbxName: c.pbxName,
      ...NO_USAGE_FIELDS,
      description: CHARGE_LABEL[c.kind],
      quantity: new D(1),
      unitPrice: amount,
      amount,
      // The charge's description is its formula (decision 0055: "4 users × 14.90 EUR × ... = 715.20 EUR").
      formula: c.description,
      currency: c.currency,
      chargeId: c.id,
      orderLineId: null,
      tieBreak: `${c.createdAt.toISOString()} ${c.id}`,
    });
  }
  for (const l of orderLines)
    lines.push({
      kind: "NUMBER_ORDER",
      pbxId: l.pbxId,
      pbxName: l.pbxName,
      ...NO_USAGE_FIELDS,
      description: l.description,
      quantity: new D(l.quantity),
      unitPrice: new D(l.unitPrice),
      amount: new D(l.amount),
      formula: l.formula,
      currency: l.currency,
      chargeId: null,
      orderLineId: l.id,
      // An order's lines stay together, in their order, even beside another order of the same instant.
      tieBreak: `${l.createdAt.toISOString()} ${l.orderId} ${pad(l.sortOrder)}`,
    });
  for (const u of calls) lines.push(callLine(u));
  for (const u of sms) {
    const sum = new D(u.cost);
    const amount = cents(sum);
    const unit = new D(u.unitPrice);
    lines.push({
      kind: "USAGE_SMS",
      pbxId: u.pbxId,
      pbxName: u.pbxName,
      ...NO_USAGE_FIELDS,
      description: `SMS beyond the ${INCLUDED_PER_USER.sms} included per user`,
      quantity: new D(u.messages),
      unitPrice: unit,
      amount,
      formula: `${formatCount(u.messages, "SMS", "SMS")} × ${unit.toFixed(5)} ${u.currency} = ${sum.toFixed(5)} ${u.currency} → ${amount.toFixed(2)} ${u.currency}`,
      currency: u.currency,
      chargeId: null,
      orderLineId: null,
      tieBreak: unit.toFixed(5).padStart(20, "0"),
    });
  }
  return lines.sort(compareLines);
}

function callLine(u: MonthGathered["calls"][number]): DraftLine {
  const sum = new D(u.cost);
  const amount = cents(sum);
  const minutes = new D(u.seconds).div(60).toDecimalPlaces(3, D.ROUND_HALF_UP);
  // Without a rate (a version since withdrawn) the line still bills what rating stored: the mean rate.
  const rate = u.perMinute ? new D(u.perMinute) : sum.mul(60).div(u.seconds).toDecimalPlaces(5, D.ROUND_HALF_UP);
  const freephone = u.area === null;
  const what = freephone
    ? `FreePhone calls from ${SOURCE_LABEL[u.source ?? "FIXED"]} callers to ${u.countryCode ?? "?"} numbers`
    : u.area === 1
      ? `Calls to Area 1 beyond the ${INCLUDED_PER_USER.area1Minutes.toLocaleString("en")} included minutes per user`
      : `Calls to Area ${u.area}`;
  const formula =
    `${formatCount(u.calls, "call")}, ${u.seconds.toLocaleString("en")} billed seconds at ${rate.toFixed(5)} ${u.currency}/min, ` +
    `per second, each call rounded to 0.00001: ${sum.toFixed(5)} ${u.currency} → ${amount.toFixed(2)} ${u.currency}`;
  return {
    kind: freephone ? "USAGE_FREEPHONE" : "USAGE_CALLS_AREA",
    pbxId: u.pbxId,
    pbxName: u.pbxName,
    area: u.area,
    countryCode: u.countryCode,
    freephoneSource: u.source,
    description: what,
    quantity: minutes,
    unitPrice: rate,
    amount,
    formula,
    currency: u.currency,
    chargeId: null,
    orderLineId: null,
    tieBreak: `${u.area ?? 0} ${u.countryCode ?? ""} ${u.source ?? ""} ${rate.toFixed(5).padStart(20, "0")}`,
  };
}

/** By PBX name (lines of no PBX last), PBX id, kind, then the line's own key. */
function compareLines(a: DraftLine, b: DraftLine) {
  const byPbx = (a.pbxId === null ? 1 : 0) - (b.pbxId === null ? 1 : 0);
  if (byPbx) return byPbx;
  const keys: [string, string][] = [
    [a.pbxName ?? "", b.pbxName ?? ""],
    [a.pbxId ?? "", b.pbxId ?? ""],
    [pad(KIND_ORDER.indexOf(a.kind)), pad(KIND_ORDER.indexOf(b.kind))],
    [a.tieBreak, b.tieBreak],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

/** The invoice's currency: the one all lines share. Mixing would add euros to dollars: refused. */
export function invoiceCurrency(lines: DraftLine[]): string {
  const currencies = [...new Set(lines.map((l) => l.currency))];
  if (currencies.length > 1) throw new InvoiceCurrencyMismatch(currencies);
  return currencies[0]!;
}

export class InvoiceCurrencyMismatch extends Error {
  constructor(readonly currencies: string[]) {
    super(`The month's charges are in several currencies (${currencies.join(", ")}): one invoice cannot add them.`);
  }
}

/** The total: the sum of the lines' amounts (each already in cents), exactly. */
export const invoiceTotal = (lines: DraftLine[]) => lines.reduce((sum, l) => sum.add(l.amount), new D(0));
