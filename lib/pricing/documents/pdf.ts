import { INCLUDED_PER_USER, type Catalogue } from "../catalogue";
import {
  a4Document,
  bodyTop,
  BRAND,
  columnWidths,
  contentWidth,
  INK,
  MUTED,
  nextTurn,
  PAGE,
  rowHeight,
  runningHeadAndFoot,
  SIZE,
  tableBottom,
  tableRow,
  writeInBackground,
  type Doc,
} from "./pdf-layout";
import {
  DRAFT_STATUS,
  formatPrice,
  priceListSections,
  priceListSubtitle,
  type Cell,
  type Column,
  type PriceListSection,
} from "./sections";

interface SectionLayout {
  section: PriceListSection;
  widths: number[];
  texts: string[][];
  headerHeight: number;
  rowHeights: number[];
  firstPage: number;
  /** Rows on each of the section's pages. */
  pages: number[];
}

/**
 * The price list as a PDF stream: title page, contents, one section per product family whose
 * tables repeat their header on every page, and "page n of N" on each. Pages are laid out before a
 * byte is written (every row measured; long text wraps, never cut), so the contents and page
 * totals are known without holding the document in memory; pdfkit then writes each page as it goes.
 */
export function priceListPdf(c: Catalogue): Doc {
  const doc = a4Document({
    Title: `CLASSOUND price list – ${c.tier.name}`,
    Author: "CLASSOUND",
    Subject: priceListSubtitle(c),
  });
  return writeInBackground(doc, () => writePages(doc, c));
}

async function writePages(doc: Doc, c: Catalogue) {
  await nextTurn();
  titlePage(doc, c);
  const layouts = layOut(doc, priceListSections(c));
  const totalPages = 2 + layouts.reduce((sum, l) => sum + l.pages.length, 0);
  const running = `CLASSOUND price list · ${priceListSubtitle(c)}`;
  doc.addPage();
  contentsPage(doc, running, layouts, totalPages);
  for (const layout of layouts) await sectionPages(doc, running, layout, totalPages, nextTurn);
  doc.end();
}

function layOut(doc: Doc, sections: PriceListSection[]): SectionLayout[] {
  let nextPage = 3;
  return sections.map((section) => {
    doc.font("regular").fontSize(SIZE.notes);
    const notesHeight = section.notes.reduce(
      (h, note) => h + doc.heightOfString(note, { width: contentWidth(doc) }) + 4,
      0,
    );
    const widths = columnWidths(doc, section.columns);
    const texts = section.rows.map((cells) => cells.map((cell, i) => cellText(cell, section.columns[i])));
    const headerHeight = rowHeight(
      doc,
      widths,
      section.columns.map((col) => col.header),
      "header",
    );
    const rowHeights = texts.map((row) => rowHeight(doc, widths, row, "plain"));
    const pages: number[] = [];
    let room = tableBottom(doc) - (bodyTop() + 26 + notesHeight + 8) - headerHeight;
    let onPage = 0;
    for (const height of rowHeights) {
      if (height > room && onPage > 0) {
        pages.push(onPage);
        onPage = 0;
        room = tableBottom(doc) - (bodyTop() + 22) - headerHeight;
      }
      onPage += 1;
      room -= height;
    }
    pages.push(onPage);
    const layout = { section, widths, texts, headerHeight, rowHeights, firstPage: nextPage, pages };
    nextPage += pages.length;
    return layout;
  });
}

function titlePage(doc: Doc, c: Catalogue) {
  const x = PAGE.margin;
  doc.rect(0, 0, doc.page.width, 230).fill(BRAND);
  doc.font("bold").fontSize(11).fillColor("#ffffff").text("C L A S S O U N D", x, 70, { characterSpacing: 1.5 });
  doc.font("bold").fontSize(32).text("Price list", x, 110);
  doc.font("regular").fontSize(18).text(c.tier.name, x, 158);
  const facts: [string, string][] = [
    ["Price list", c.name],
    ["Tier", c.tier.name],
    ["Currency", `${c.currency}, prices excluding VAT`],
    ...(c.isDraft ? [["Status", DRAFT_STATUS] satisfies [string, string]] : []),
    [
      c.isDraft ? "Dated" : "In force from",
      c.validFrom.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
    ],
    [
      "Included per user",
      `${INCLUDED_PER_USER.area1Minutes.toLocaleString("en-GB")} minutes a month to Area 1 and ${INCLUDED_PER_USER.sms} SMS`,
    ],
  ];
  let y = 290;
  for (const [label, value] of facts) {
    doc.font("regular").fontSize(10).fillColor(MUTED).text(label, x, y, { width: 130 });
    doc
      .font("bold")
      .fontSize(11)
      .fillColor(INK)
      .text(value, x + 140, y, { width: contentWidth(doc) - 140 });
    y += 30;
  }
  doc
    .font("regular")
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      "Monthly flat fees, numbers (DIDs), FreePhone numbers and call termination for every covered country.",
      x,
      y + 20,
      { width: contentWidth(doc) },
    );
}

function contentsPage(doc: Doc, running: string, layouts: SectionLayout[], totalPages: number) {
  runningHeadAndFoot(doc, running, 2, totalPages);
  const x = PAGE.margin;
  doc.font("bold").fontSize(SIZE.title).fillColor(INK).text("Contents", x, bodyTop());
  let y = bodyTop() + 40;
  for (const { section, firstPage } of layouts) {
    const page = String(firstPage);
    doc.font("regular").fontSize(11).fillColor(INK);
    const pageWidth = doc.widthOfString(page);
    doc.text(section.title, x, y, { lineBreak: false });
    const dotsFrom = x + doc.widthOfString(section.title) + 6;
    const dotsTo = x + contentWidth(doc) - pageWidth - 6;
    doc
      .fillColor(MUTED)
      .text(".".repeat(Math.max(0, Math.floor((dotsTo - dotsFrom) / doc.widthOfString(".")))), dotsFrom, y, {
        lineBreak: false,
      });
    doc.fillColor(INK).text(page, x + contentWidth(doc) - pageWidth, y, { lineBreak: false });
    y += 24;
  }
}

async function sectionPages(
  doc: Doc,
  running: string,
  layout: SectionLayout,
  totalPages: number,
  nextTurn: () => Promise<void>,
) {
  const { section, widths } = layout;
  const headers = section.columns.map((col) => col.header);
  let row = 0;
  for (const [index, rowsOnPage] of layout.pages.entries()) {
    await nextTurn();
    doc.addPage();
    runningHeadAndFoot(doc, running, layout.firstPage + index, totalPages);
    let y = bodyTop();
    if (index === 0) {
      doc.font("bold").fontSize(SIZE.title).fillColor(BRAND).text(section.title, PAGE.margin, y);
      y += 26;
      doc.font("regular").fontSize(SIZE.notes).fillColor(MUTED);
      for (const note of section.notes) {
        doc.text(note, PAGE.margin, y, { width: contentWidth(doc) });
        y += doc.heightOfString(note, { width: contentWidth(doc) }) + 4;
      }
      y += 8;
    } else {
      doc.font("bold").fontSize(11).fillColor(BRAND).text(`${section.title} (continued)`, PAGE.margin, y);
      y += 22;
    }
    y = tableRow(doc, section.columns, widths, headers, y, layout.headerHeight, "header");
    for (const end = row + rowsOnPage; row < end; row += 1) {
      y = tableRow(
        doc,
        section.columns,
        widths,
        layout.texts[row],
        y,
        layout.rowHeights[row],
        row % 2 ? "stripe" : "plain",
      );
    }
  }
}

function cellText(cell: Cell, column: Column): string {
  if (cell === null) return "—";
  return typeof cell === "string" ? cell : formatPrice(cell, column.kind === "text" ? "fee" : column.kind);
}
