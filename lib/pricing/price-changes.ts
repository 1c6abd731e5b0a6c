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

type Sections = Pick<PriceListSection, "title" | "columns" | "rows">[];

/** Calls `visit` for every price cell with its point: what it prices (the row's text cells) and the column. */
function eachPrice(
  sections: Sections,
  visit: (point: PricePoint, key: string, at: { section: number; row: number; column: number }) => void,
) {
  sections.forEach((section, s) => {
    section.rows.forEach((row, r) => {
      const item = row
        .filter((cell, i): cell is string => section.columns[i].kind === "text" && typeof cell === "string")
        .join(" · ");
      row.forEach((cell: Cell, c) => {
        const { kind, header } = section.columns[c];
        if (kind === "text" || cell === null || typeof cell === "string") return;
        const point = { section: section.title, item, column: header, kind, price: cell };
        visit(point, `${point.section}|${point.item}|${point.column}`, { section: s, row: r, column: c });
      });
    });
  });
}

/** Every price in the sections' tables, keyed by what it prices (the row's text cells and the column). */
export function pricePoints(sections: Sections): Map<string, PricePoint> {
  const points = new Map<string, PricePoint>();
  eachPrice(sections, (point, key) => points.set(key, point));
  return points;
}

/** The sections with one price (named by its `pricePoints` key) replaced; null when no price has that key. */
export function withPrice<S extends Sections[number]>(sections: S[], key: string, price: Prisma.Decimal): S[] | null {
  let found: { section: number; row: number; column: number } | null = null;
  eachPrice(sections, (_point, k, at) => void (k === key && (found = at)));
  if (!found) return null;
  const { section, row, column } = found;
  return sections.map((s, i) =>
    i !== section
      ? s
      : {
          ...s,
          rows: s.rows.map((cells, r) => (r !== row ? cells : cells.map((cell, c) => (c === column ? price : cell)))),
        },
  );
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
    else if (!point.price.equals(old.price))
      changes.push({ kind: point.price.greaterThan(old.price) ? "rose" : "fell", point, before: old.price });
  }
  for (const [key, point] of before) if (!after.has(key)) changes.push({ kind: "disappeared", point });
  return changes;
}
