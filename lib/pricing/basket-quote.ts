import { Prisma } from "@/lib/db/generated/client";
import type { NumberType } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import {
  describeFlatFeeQuote,
  flatFeeQuote,
  type FlatFeeBand,
  type FlatFeeQuote,
  type FlatFeeQuoteInput,
} from "./flat-fee-quote";
import { TERM_MONTHS, proratedCharge, prorationDays } from "./proration";
import { formatCount } from "@/lib/format";

export interface BasketPbx {
  licensePlan: FlatFeeQuoteInput["licensePlan"];
  termStart: Date;
  termExpiry: Date;
  licenses: { quantity: number }[];
  timeZone: string;
}

export interface BasketPriceList {
  currency: string;
  flatFeeBands: FlatFeeBand[];
  numberPrices?: { countryCode: string; type: NumberType; setupFee: Prisma.Decimal; monthlyFee: Prisma.Decimal }[];
}

export interface BasketInput {
  pbx: BasketPbx;
  priceList: BasketPriceList;
  orderDate: Date;
  /** CLASSOUND's flat fee (R4): charged when the service is activated, not when numbers are added. */
  flatFee: boolean;
  numbers: { countryCode: string; type: NumberType; quantity: number }[];
}

export type BasketLineKind = "FLAT_FEE" | "NUMBER_SETUP" | "NUMBER_MONTHLY";

export interface BasketLine {
  kind: BasketLineKind;
  description: string;
  quantity: number;
  unitPrice: Prisma.Decimal;
  amount: Prisma.Decimal;
  /** The arithmetic a person can check by hand. */
  formula: string;
}

const TYPE_LABEL: Record<NumberType, string> = {
  GEOGRAPHIC: "geographic DID",
  MOBILE: "mobile DID",
  FREEPHONE: "FreePhone",
};

/**
 * The one pricing function for what a PBX is charged now (R3, R4, R6, R7): the flat fee for its user
 * band and any numbers at their setup fee and monthly fee, each term-priced and prorated from the
 * order day to the PBX's expiry. Activation's charge and a number order's quote both come from here.
 */
export function basketQuote(input: BasketInput) {
  const { pbx, priceList, orderDate } = input;
  const term = { start: pbx.termStart, expiry: pbx.termExpiry };
  const months = TERM_MONTHS[pbx.licensePlan];
  const { termDays, effectiveDays } = prorationDays(term, orderDate, pbx.timeZone);
  const lines: BasketLine[] = [];
  let flatFee: FlatFeeQuote | undefined;
  if (input.flatFee) {
    flatFee = flatFeeQuote({
      bands: priceList.flatFeeBands,
      currency: priceList.currency,
      users: pbx.licenses.reduce((sum, l) => sum + l.quantity, 0),
      licensePlan: pbx.licensePlan,
      term,
      orderDate,
      timeZone: pbx.timeZone,
    });
    lines.push({
      kind: "FLAT_FEE",
      description: `Flat fee ${flatFee.sku}`,
      quantity: flatFee.users,
      unitPrice: flatFee.unitPrice,
      amount: flatFee.amount,
      formula: describeFlatFeeQuote(flatFee),
    });
  }
  const cur = priceList.currency;
  for (const item of input.numbers) {
    const price = priceList.numberPrices?.find((p) => p.countryCode === item.countryCode && p.type === item.type);
    if (!price)
      throw new AppError(
        "CONFLICT",
        `The partner's price list has no price for ${TYPE_LABEL[item.type]} numbers in ${item.countryCode}.`,
      );
    const label = `${item.countryCode} ${TYPE_LABEL[item.type]}`;
    const setupFee = new Prisma.Decimal(price.setupFee);
    const setup = setupFee.mul(item.quantity).toDecimalPlaces(2, Prisma.Decimal.ROUND_HALF_UP);
    lines.push({
      kind: "NUMBER_SETUP",
      description: `Setup, ${label}`,
      quantity: item.quantity,
      unitPrice: setupFee,
      amount: setup,
      formula: `${formatCount(item.quantity, "number")} × ${setupFee.toFixed(2)} ${cur} setup = ${setup.toFixed(2)} ${cur}`,
    });
    const monthlyFee = new Prisma.Decimal(price.monthlyFee);
    const termPrice = monthlyFee.mul(item.quantity).mul(months);
    const monthly = proratedCharge(termPrice, term, orderDate, pbx.timeZone);
    lines.push({
      kind: "NUMBER_MONTHLY",
      description: `Monthly fee to the PBX's expiry, ${label}`,
      quantity: item.quantity,
      unitPrice: monthlyFee,
      amount: monthly,
      formula: `${formatCount(item.quantity, "number")} × ${monthlyFee.toFixed(2)} ${cur} × ${formatCount(months, "month")} × ${effectiveDays}/${termDays} days = ${monthly.toFixed(2)} ${cur}`,
    });
  }
  const total = lines.reduce((sum, line) => sum.add(line.amount), new Prisma.Decimal(0));
  return { lines, total, currency: cur, months, termDays, effectiveDays, flatFee };
}
export type BasketQuote = ReturnType<typeof basketQuote>;

/** Activation's charge: the basket of the flat fee alone, so approval and every page show the same figure. */
export function flatFeeQuoteForPbx(pbx: BasketPbx, priceList: BasketPriceList, orderDate: Date): FlatFeeQuote {
  return basketQuote({ pbx, priceList, orderDate, flatFee: true, numbers: [] }).flatFee!;
}
