import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { catalogueOfVersion, visiblePriceListTiers } from "./catalogue";
import { formatPrice } from "./documents/sections";
import { PUBLISHED } from "./price-list-in-force";
import { priceChanges, type PriceChange } from "./price-changes";

export const CHANGE_LABEL = { rose: "Rose", fell: "Fell", appeared: "New", disappeared: "Withdrawn" } as const;

/** A change as people read it: prices as text at their precision, and the difference signed. */
export function shownChanges(changes: PriceChange[]) {
  return changes.map((change) => {
    const { section, item, column, kind, price } = change.point;
    const before =
      change.kind === "rose" || change.kind === "fell" ? change.before : change.kind === "disappeared" ? price : null;
    const after = change.kind === "disappeared" ? null : price;
    const difference = before && after ? after.minus(before) : null;
    return {
      kind: change.kind,
      section,
      item,
      column,
      before: before && formatPrice(before, kind),
      after: after && formatPrice(after, kind),
      difference: difference && `${difference.isPositive() ? "+" : ""}${formatPrice(difference, kind)}`,
    };
  });
}
export type ShownChange = ReturnType<typeof shownChanges>[number];

/**
 * The versions of a tier the actor may see, and what changed between two of them (by default the
 * latest and the one before it). Versions dated in the future are included: partners read them to
 * tell their customers before the date. A version id of another tier, or of a draft, is NOT_FOUND.
 */
export async function priceListChanges(db: Db, actor: Actor, input: { tierCode?: string; from?: string; to?: string }) {
  const tiers = await visiblePriceListTiers(db, actor);
  const tier = input.tierCode ? tiers.find((t) => t.code === input.tierCode) : (tiers.find((t) => t.isOwn) ?? tiers[0]);
  if (!tier) throw new AppError("NOT_FOUND", "No such price-list tier.");
  const versions = await db.priceList.findMany({
    where: { tierId: tier.id, ...PUBLISHED },
    orderBy: { validFrom: "desc" },
    select: { id: true, name: true, validFrom: true, currency: true },
  });
  if ([input.from, input.to].some((id) => id !== undefined && !versions.some((v) => v.id === id)))
    throw new AppError("NOT_FOUND", "No such price-list version.");
  const toId = input.to ?? versions[0]?.id;
  const fromId = input.from ?? versions[versions.findIndex((v) => v.id === toId) + 1]?.id;
  if (!toId || !fromId) return { tiers, tier, versions, from: null, to: null, changes: [] };
  const [from, to] = await Promise.all([
    catalogueOfVersion(db, tier.id, fromId),
    catalogueOfVersion(db, tier.id, toId),
  ]);
  if (!from || !to) throw new AppError("NOT_FOUND", "No such price-list version.");
  return {
    tiers,
    tier,
    versions,
    from: { id: fromId, ...from },
    to: { id: toId, ...to },
    changes: shownChanges(priceChanges(from, to)),
  };
}

const csvField = (value: string | null) =>
  value === null ? "" : /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
// Text an admin typed into a workbook must not run as a formula in the partner's spreadsheet.
const csvText = (value: string) => csvField(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** The changes as CSV (UTF-8 with a byte-order mark, so Excel reads "Curaçao" right). */
export function changesCsv(changes: ShownChange[], currency: string) {
  const header = [
    "Change",
    "Section",
    "Item",
    "Column",
    `Before (${currency})`,
    `After (${currency})`,
    `Difference (${currency})`,
  ];
  const lines = changes.map((c) =>
    [
      ...[CHANGE_LABEL[c.kind], c.section, c.item, c.column].map(csvText),
      ...[c.before, c.after, c.difference].map(csvField),
    ].join(","),
  );
  return `\uFEFF${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
