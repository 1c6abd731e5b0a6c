import type { Prisma } from "@/lib/db/generated/client";
import type { Catalogue } from "./catalogue";
import { priceListSections, type Cell, type PriceListSection } from "./documents/sections";

/** One price of a price list, named the way a person reads it: section, row, column. */
export interface PricePoint {
  section: string;
  item: string;
  column: string;
  kind: "fee" | "rate";
  price: Prisma.Decimal;
}

export type PriceChange =
  | { kind: "rose" | "fell"; point: PricePoint; before: Prisma.Decimal }
  | { kind: "appeared"; point: PricePoint }
  | { kind: "disappeared"; point: PricePoint };

/** Every price in the sections' tables, keyed by what it prices (the row's text cells and the column). */
export function pricePoints(sections: Pick<PriceListSection, "title" | "columns" | "rows">[]): Map<string, PricePoint> {
  const points = new Map<string, PricePoint>();
  for (const section of sections) {
    for (const row of section.rows) {
      const item = row.filter((cell, i): cell is string => section.columns[i].kind === "text" && typeof cell === "string").join(" · ");
      row.forEach((cell: Cell, i) => {
        const { kind, header } = section.columns[i];
        if (kind === "text" || cell === null || typeof cell === "string") return;
        const point = { section: section.title, item, column: header, kind, price: cell };
        points.set(`${point.section}|${point.item}|${point.column}`, point);
      });
    }
  }
  return points;
}

/** What changed from one version to the next: every price that rose, fell, appeared or disappeared. */
export function priceChanges(before: Catalogue, after: Catalogue): PriceChange[] {
  return diffPricePoints(pricePoints(priceListSections(before)), pricePoints(priceListSections(after)));
}

export function diffPricePoints(before: Map<string, PricePoint>, after: Map<string, PricePoint>): PriceChange[] {
  const changes: PriceChange[] = [];
  for (const [key, point] of after) {
    const old = before.get(key);
    if (!old) changes.push({ kind: "appeared", point });
    else if (!point.price.equals(old.price)) changes.push({ kind: point.price.greaterThan(old.price) ? "rose" : "fell", point, before: old.price });
  }
  for (const [key, point] of before) if (!after.has(key)) changes.push({ kind: "disappeared", point });
  return changes;
}
