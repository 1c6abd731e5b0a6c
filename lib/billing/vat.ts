import rates from "sales-tax/res/sales_tax_rates.json";
import regions from "sales-tax/res/region_countries.json";
import { Prisma } from "@/lib/db/generated/client";
import { checkTaxNumber } from "@/lib/validation/vat";
import { SUPPLIER } from "./supplier";

const D = Prisma.Decimal;

type Rate = { type: string; rate: number; before?: Record<string, Rate> };
const RATES = rates as unknown as Record<string, Rate | undefined>;
const EU = new Set<string>(regions.EU);

export interface VatTreatment {
  /** In percent, e.g. 19 or 25.5; 0 under the reverse charge and outside the EU. */
  rate: Prisma.Decimal;
  reverseCharge: boolean;
  /** What the invoice states about its VAT. */
  note: string;
}

export interface BilledParty {
  countryCode: string;
  countryName: string;
  vatNumber: string | null;
}

/**
 * The VAT of an invoice to a partner (docs/decisions/0060), telecom services being supplied where the
 * business customer is established: a partner in another EU country with a valid VAT number accounts
 * for the VAT itself (reverse charge); any other EU partner pays its country's rate in force on the
 * supply date (in the supplier's country, domestic VAT); a partner outside the EU is billed no EU VAT.
 */
export function vatTreatment(party: BilledParty, suppliedOn: Date): VatTreatment {
  const vat = party.vatNumber ? checkTaxNumber(party.countryCode, party.vatNumber) : null;
  if (!EU.has(party.countryCode))
    return {
      rate: new D(0),
      reverseCharge: false,
      note: `No EU VAT: the services are supplied to a business established outside the EU (${party.countryName}), where any local tax is due by the recipient.`,
    };
  if (party.countryCode !== SUPPLIER.countryCode && vat?.ok)
    return {
      rate: new D(0),
      reverseCharge: true,
      note: `Reverse charge: VAT to be accounted for by the recipient (Article 196, Council Directive 2006/112/EC). Recipient's VAT number ${vat.value}.`,
    };
  const rate = rateOn(party.countryCode, suppliedOn);
  return { rate, reverseCharge: false, note: `VAT ${rate.toString()} % (${party.countryName})` };
}

/** The standard rate in percent in force on a date: the package lists earlier rates by the instant they ended. */
function rateOn(countryCode: string, at: Date): Prisma.Decimal {
  const current = RATES[countryCode];
  if (!current) throw new Error(`No VAT rate known for ${countryCode}`);
  const endedAfter = Object.entries(current.before ?? {})
    .filter(([endedAt]) => at.getTime() <= Date.parse(endedAt))
    .sort(([a], [b]) => Date.parse(a) - Date.parse(b));
  const inForce = endedAfter[0]?.[1] ?? current;
  // String() gives the rate as written in the file (0.255), exactly, where × 100 in floats would not.
  return new D(String(inForce.rate)).mul(100);
}

/** The VAT of a net amount, half-up to cents. */
export const vatOf = (net: Prisma.Decimal, rate: Prisma.Decimal) =>
  net.mul(rate).div(100).toDecimalPlaces(2, D.ROUND_HALF_UP);
