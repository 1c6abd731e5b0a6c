import type { Prisma } from "@/lib/db/generated/client";
import type { FreephoneSource, NumberType } from "@/lib/db/generated/enums";
import type { Cell } from "../documents/sections";
import { bandSequenceErrors } from "./flat-fee-bands";
import { cellRef, type CellError, type ReadSection } from "./read-workbook";

type Money = Prisma.Decimal;

/** The rows of a new price-list version, as read from a workbook: what `publishPriceList` stores. */
export interface VersionRows {
  smsRate: Money | null;
  flatFeeBands: { sku: string; description: string; minUsers: number; maxUsers: number | null; pricePerUser: Money }[];
  areaRates: { area: number; perMinute: Money }[];
  numberPrices: { countryCode: string; type: NumberType; setupFee: Money; monthlyFee: Money }[];
  freephoneRates: { countryCode: string; source: FreephoneSource; perMinute: Money }[];
}

const NUMBER_TYPES: Record<string, NumberType> = { Geographic: "GEOGRAPHIC", Mobile: "MOBILE" };
const FREEPHONE_SOURCES: FreephoneSource[] = ["FIXED", "MOBILE", "PAYPHONE"];

/**
 * Turns the sheets' rows into a version's rows, reporting what the cells alone could not show: a
 * band's users that do not read "1–5" or "251+", an area outside 1-6, a number type the catalogue
 * does not sell, a country priced twice. A row with a bad cell (already reported) is left out. The
 * areas sheet is for reading only: a country's area belongs to the country, not to a version.
 */
export function versionRowsOf(
  sections: ReadSection[],
  countryCodeOf: ReadonlyMap<string, string>,
): { rows: VersionRows; errors: CellError[] } {
  const errors: CellError[] = [];
  const rows: VersionRows = { smsRate: null, flatFeeBands: [], areaRates: [], numberPrices: [], freephoneRates: [] };
  const bandsAt: Parameters<typeof bandSequenceErrors>[0][number][] = [];
  let smsRateAt: Omit<CellError, "message"> | undefined;
  const each = (
    id: string,
    visit: (cells: Cell[], at: (column: number) => Omit<CellError, "message">) => string | undefined,
  ) => {
    const section = sections.find((s) => s.id === id);
    const seen = new Set<string>();
    section?.rows.forEach((cells, i) => {
      if (cells.some((cell, c) => cell === null && !section.columns[c].isOptional)) return;
      const at = (column: number) => ({ sheet: section.title, cell: cellRef(section.rowNumbers[i], column + 1) });
      const key = visit(cells, at);
      if (key === undefined) return;
      if (seen.has(key)) errors.push({ ...at(0), message: `“${key}” appears twice.` });
      seen.add(key);
    });
  };

  each("flat-fee", ([sku, users, description, price], at) => {
    const match = /^(\d+)\s*(?:[–-]\s*(\d+)|(\+))$/.exec(String(users));
    if (!match)
      return void errors.push({ ...at(1), message: "Users should read like “1–5”, or “251+” for the top band." });
    const [minUsers, maxUsers] = [Number(match[1]), match[3] ? null : Number(match[2])];
    if (minUsers < 1 || (maxUsers !== null && maxUsers < minUsers))
      return void errors.push({
        ...at(1),
        message: "The band's users must start at 1 or more and not end before they start.",
      });
    bandsAt.push({ minUsers, maxUsers, at: at(1) });
    rows.flatFeeBands.push({
      sku: String(sku),
      description: String(description),
      minUsers,
      maxUsers,
      pricePerUser: price as Money,
    });
    return String(sku);
  });
  each("call-termination", ([label, price], at) => {
    const text = String(label);
    if (text.startsWith("SMS")) return void ((rows.smsRate = price as Money), (smsRateAt = at(1)));
    const area = /^Area (\d+)$/.exec(text);
    if (!area || Number(area[1]) < 1 || Number(area[1]) > 6)
      return void errors.push({ ...at(0), message: "Destinations are “Area 1” to “Area 6”, then the SMS row." });
    rows.areaRates.push({ area: Number(area[1]), perMinute: price as Money });
    return text;
  });
  each("numbers", ([country, type, setupFee, monthlyFee], at) => {
    const numberType = NUMBER_TYPES[String(type)];
    if (!numberType) return void errors.push({ ...at(1), message: `Type is “Geographic” or “Mobile”.` });
    rows.numberPrices.push({
      countryCode: countryCodeOf.get(String(country))!,
      type: numberType,
      setupFee: setupFee as Money,
      monthlyFee: monthlyFee as Money,
    });
    return `${country} · ${type}`;
  });
  each("freephone", ([country, setupFee, monthlyFee, ...perMinute]) => {
    const countryCode = countryCodeOf.get(String(country))!;
    rows.numberPrices.push({
      countryCode,
      type: "FREEPHONE",
      setupFee: setupFee as Money,
      monthlyFee: monthlyFee as Money,
    });
    perMinute.forEach(
      (price, i) =>
        price !== null &&
        rows.freephoneRates.push({ countryCode, source: FREEPHONE_SOURCES[i], perMinute: price as Money }),
    );
    return String(country);
  });
  errors.push(...bandSequenceErrors(bandsAt));
  // R15: an SMS past the included ones costs the Area 1 rate; the row is there to be read, not to differ.
  const area1 = rows.areaRates.find((r) => r.area === 1);
  if (smsRateAt && rows.smsRate && area1 && !rows.smsRate.equals(area1.perMinute))
    errors.push({
      ...smsRateAt,
      message: `An SMS past the included ones costs the Area 1 rate: ${area1.perMinute.toString()}.`,
    });
  const callTermination = sections.find((s) => s.id === "call-termination");
  if (callTermination) {
    // A row whose price was bad is already reported; only a row that is not there at all is missing.
    const labels = callTermination.rows.map((cells) => String(cells[0] ?? ""));
    for (let area = 1; area <= 6; area += 1) {
      if (!labels.includes(`Area ${area}`))
        errors.push({ sheet: callTermination.title, cell: "A2", message: `The row for Area ${area} is missing.` });
    }
    if (!labels.some((label) => label.startsWith("SMS")))
      errors.push({ sheet: callTermination.title, cell: "A2", message: "The SMS row is missing." });
  }
  return { rows, errors };
}
