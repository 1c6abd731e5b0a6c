import type { Prisma } from "@/lib/db/generated/client";
import { formatDate } from "@/lib/format";
import { INCLUDED_PER_USER, type Catalogue } from "../catalogue";
import { PRICE_PLACES } from "../rounding";

/** How a column's values are shown: prices at their stored precision, so a document is right to the cent. */
export type ColumnKind = "text" | "fee" | "rate";
export type Cell = string | Prisma.Decimal | null;

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Share of the table's width in the PDF. */
  weight: number;
  /** A price that may be absent (shown as "—"), e.g. a FreePhone source a country does not price. */
  isOptional?: boolean;
}

export interface PriceListSection {
  id: string;
  title: string;
  notes: string[];
  columns: Column[];
  rows: Cell[][];
}

const NUMBER_TYPE_LABEL = { GEOGRAPHIC: "Geographic", MOBILE: "Mobile" } as const;

/** A price as the documents print it: plain digits at the column's precision (the currency is in the header). */
export function formatPrice(value: Prisma.Decimal, kind: Exclude<ColumnKind, "text">): string {
  return value.toFixed(PRICE_PLACES[kind]);
}

/** The product families of R8, in the order of the guide, as tables every format renders the same way. */
export function priceListSections(c: Catalogue): PriceListSection[] {
  const cur = c.currency;
  return [
    {
      id: "flat-fee",
      title: "Monthly flat fee",
      notes: [
        `Priced per user and month by the company's number of users (all user licenses of the PBX). Each user includes ${INCLUDED_PER_USER.area1Minutes.toLocaleString("en-GB")} minutes a month to Area 1 destinations and ${INCLUDED_PER_USER.sms} SMS, not pooled between users.`,
      ],
      columns: [
        // Wide enough for the longest SKU (CLASSOUND-FLAT-1m-251PLUS) on one line.
        { header: "SKU", kind: "text", weight: 3.0 },
        { header: "Users", kind: "text", weight: 0.8 },
        { header: "Description", kind: "text", weight: 4.0 },
        { header: `Per user / month (${cur})`, kind: "fee", weight: 1.8 },
      ],
      rows: c.flatFeeBands.map((b) => [
        b.sku,
        b.maxUsers === null ? `${b.minUsers}+` : `${b.minUsers}–${b.maxUsers}`,
        b.description,
        b.pricePerUser,
      ]),
    },
    {
      id: "call-termination",
      title: "Call termination",
      notes: [
        "Per minute, billed per second. Area 1 calls beyond the included minutes and Areas 2 to 6 from the first second are charged at these rates; an SMS beyond the included ones costs the Area 1 rate.",
      ],
      columns: [
        { header: "Destination", kind: "text", weight: 6 },
        { header: `Per minute (${cur})`, kind: "rate", weight: 2 },
      ],
      rows: [
        ...c.areaRates.map((a) => [`Area ${a.area}`, a.perMinute]),
        [`SMS beyond the ${INCLUDED_PER_USER.sms} included per user (per message)`, c.smsRate],
      ],
    },
    {
      id: "areas",
      title: "Countries and prefixes by area",
      notes: ["The call-termination area of every destination, by its international calling prefix."],
      columns: [
        { header: "Area", kind: "text", weight: 1 },
        { header: "Country", kind: "text", weight: 5 },
        { header: "Prefix", kind: "text", weight: 1.5 },
      ],
      rows: c.destinations.map((d) => [`Area ${d.area}`, d.country, d.prefix]),
    },
    {
      id: "numbers",
      title: "Numbers (DIDs)",
      notes: [
        "Geographic and mobile numbers per country, ordered in blocks of 1, 10 or 100. Inbound calls are free for most countries.",
      ],
      columns: [
        { header: "Country", kind: "text", weight: 4 },
        { header: "Type", kind: "text", weight: 1.6 },
        { header: `Setup (${cur})`, kind: "fee", weight: 1.6 },
        { header: `Monthly (${cur})`, kind: "fee", weight: 1.6 },
      ],
      rows: c.numbers.map((n) => [n.country, NUMBER_TYPE_LABEL[n.type], n.setupFee, n.monthlyFee]),
    },
    {
      id: "freephone",
      title: "FreePhone numbers",
      notes: ["A monthly fee per number plus a price per minute of inbound calls, by the caller's source."],
      columns: [
        { header: "Country", kind: "text", weight: 2.8 },
        { header: `Setup (${cur})`, kind: "fee", weight: 1.3 },
        { header: `Monthly (${cur})`, kind: "fee", weight: 1.4 },
        { header: `Fixed / min (${cur})`, kind: "rate", isOptional: true, weight: 1.4 },
        { header: `Mobile / min (${cur})`, kind: "rate", isOptional: true, weight: 1.4 },
        { header: `Payphone / min (${cur})`, kind: "rate", isOptional: true, weight: 1.5 },
      ],
      rows: c.freephone.map((f) => [f.country, f.setupFee, f.monthlyFee, f.fixed, f.mobile, f.payphone]),
    },
  ];
}

/** "CLASSOUND-price-list-Gold-2024-01-01.pdf": tier, version date (and "DRAFT" for a draft) and format. */
export function priceListFileName(c: Catalogue, extension: "pdf" | "xlsx") {
  return `CLASSOUND-price-list-${c.tier.name.replace(/[^A-Za-z0-9]+/g, "-")}-${c.validFrom.toISOString().slice(0, 10)}${c.isDraft ? "-DRAFT" : ""}.${extension}`;
}

/** What a reviewed draft says wherever a version says when it is in force: a copy forwarded by mistake cannot pass for prices. */
export const DRAFT_STATUS = "Draft — not in force, not visible to partners";

export function priceListSubtitle(c: Catalogue) {
  return `${c.tier.name} · prices in ${c.currency}, excluding VAT · ${c.isDraft ? DRAFT_STATUS : `in force from ${formatDate(c.validFrom)}`}`;
}

/** The sections as plain text for the web page (what the browser receives, searchable by country or prefix). */
export function priceListSectionsForDisplay(c: Catalogue) {
  return priceListSections(c).map((section) => ({
    id: section.id,
    title: section.title,
    notes: section.notes,
    columns: section.columns.map((column) => ({ header: column.header, isNumeric: column.kind !== "text" })),
    rows: section.rows.map((cells) =>
      cells.map((cell, i) =>
        cell === null
          ? "—"
          : typeof cell === "string"
            ? cell
            : formatPrice(cell, section.columns[i].kind === "rate" ? "rate" : "fee"),
      ),
    ),
    isSearchable: ["areas", "numbers", "freephone"].includes(section.id),
  }));
}
export type DisplaySection = ReturnType<typeof priceListSectionsForDisplay>[number];
