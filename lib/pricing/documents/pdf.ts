import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { INCLUDED_PER_USER, type Catalogue } from "../catalogue";
import { withoutOpenTypeLayout } from "./font-tables";
import {
  DRAFT_STATUS,
  formatPrice,
  priceListSections,
  priceListSubtitle,
  type Cell,
  type Column,
  type PriceListSection,
} from "./sections";

// Inter covers every country name of the catalogue and the currency symbols; pdfkit's standard fonts
// stop at WinAnsi ("Curaçao" works, "Türkiye" or "Łódź" would not). Whole TTFs, not web subsets.
const FONT_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/inter");
const FONT_FILES = {
  regular: path.join(FONT_DIR, "400Regular/Inter_400Regular.ttf"),
  bold: path.join(FONT_DIR, "600SemiBold/Inter_600SemiBold.ttf"),
};
let fonts: Record<keyof typeof FONT_FILES, Buffer> | undefined;
/** The fonts every price-list PDF embeds, read once per process. */
export const priceListFonts = () =>
  (fonts ??= {
    // Read at run time from the checkout: without the ignore, Turbopack traces the whole project into the build.
    regular: withoutOpenTypeLayout(readFileSync(/*turbopackIgnore: true*/ FONT_FILES.regular)),
    bold: withoutOpenTypeLayout(readFileSync(/*turbopackIgnore: true*/ FONT_FILES.bold)),
  });

const BRAND = "#0f4c5c";
const INK = "#1b1f23";
const MUTED = "#5b6770";
const STRIPE = "#f2f5f6";
const PAGE = { margin: 48, headerBand: 28, footerBand: 30 };
const MIN_ROW_HEIGHT = 17;
const CELL_PAD = { x: 6, y: 4.5 };
const SIZE = { title: 16, notes: 9.5, cell: 9, running: 8 };

type Doc = InstanceType<typeof PDFDocument>;

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
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, bottom: 0, left: PAGE.margin, right: PAGE.margin },
    info: { Title: `CLASSOUND price list – ${c.tier.name}`, Author: "CLASSOUND", Subject: priceListSubtitle(c) },
  });
  const { regular, bold } = priceListFonts();
  doc.registerFont("regular", regular).registerFont("bold", bold);
  writePages(doc, c).catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return doc;
}

// Drawing is synchronous: yielding between pages lets each finished page leave before the next is
// drawn, instead of the whole document piling up in the stream's buffer.
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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

const contentWidth = (doc: Doc) => doc.page.width - 2 * PAGE.margin;
const tableBottom = (doc: Doc) => doc.page.height - PAGE.footerBand - PAGE.margin / 2;
const bodyTop = () => PAGE.margin + PAGE.headerBand;

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

function columnWidths(doc: Doc, columns: Column[]) {
  const total = columns.reduce((sum, col) => sum + col.weight, 0);
  return columns.map((col) => (contentWidth(doc) * col.weight) / total);
}

function cellText(cell: Cell, column: Column): string {
  if (cell === null) return "—";
  return typeof cell === "string" ? cell : formatPrice(cell, column.kind === "text" ? "fee" : column.kind);
}

type RowStyle = "header" | "stripe" | "plain";

function cellFont(doc: Doc, style: RowStyle) {
  return doc.font(style === "header" ? "bold" : "regular").fontSize(style === "header" ? 8.5 : SIZE.cell);
}

// pdfkit's heightOfString and wrapped text run its line breaker per call (milliseconds each): a
// 2,000-row table would take seconds. Lines are counted here from word widths (greedy, as pdfkit
// breaks them), and a cell that fits on one line is placed directly.
function wrappedLines(doc: Doc, text: string, width: number): number {
  if (doc.widthOfString(text) <= width) return 1;
  const space = doc.widthOfString(" ");
  let lines = 1;
  let used = 0;
  for (const word of text.split(" ")) {
    const w = doc.widthOfString(word);
    if (used > 0 && used + space + w > width) {
      lines += 1;
      used = w;
    } else {
      used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

function rowHeight(doc: Doc, widths: number[], texts: string[], style: RowStyle) {
  cellFont(doc, style);
  const lines = Math.max(...texts.map((text, i) => wrappedLines(doc, text, widths[i] - 2 * CELL_PAD.x)));
  return Math.max(MIN_ROW_HEIGHT, lines * doc.currentLineHeight(true) + 2 * CELL_PAD.y);
}

function tableRow(
  doc: Doc,
  columns: Column[],
  widths: number[],
  texts: string[],
  y: number,
  height: number,
  style: RowStyle,
) {
  if (style !== "plain") doc.rect(PAGE.margin, y, contentWidth(doc), height).fill(style === "header" ? BRAND : STRIPE);
  cellFont(doc, style).fillColor(style === "header" ? "#ffffff" : INK);
  const lineHeight = doc.currentLineHeight(true);
  let x = PAGE.margin;
  texts.forEach((text, i) => {
    const width = widths[i] - 2 * CELL_PAD.x;
    const align = columns[i].kind === "text" ? "left" : "right";
    const lines = wrappedLines(doc, text, width);
    const top = y + (height - lines * lineHeight) / 2 + 0.5;
    if (lines === 1) {
      const left = align === "right" ? x + CELL_PAD.x + width - doc.widthOfString(text) : x + CELL_PAD.x;
      doc.text(text, left, top, { lineBreak: false });
    } else {
      doc.text(text, x + CELL_PAD.x, top, { width, align });
    }
    x += widths[i];
  });
  return y + height;
}

function runningHeadAndFoot(doc: Doc, running: string, page: number, totalPages: number) {
  const width = contentWidth(doc);
  doc.font("regular").fontSize(SIZE.running).fillColor(MUTED);
  // Placed, not wrapped: pdfkit's line wrapper for two fixed lines on every page costs more than the rows.
  doc.text(running, PAGE.margin, PAGE.margin - 16, { lineBreak: false });
  doc
    .moveTo(PAGE.margin, doc.page.height - PAGE.footerBand)
    .lineTo(PAGE.margin + width, doc.page.height - PAGE.footerBand)
    .lineWidth(0.5)
    .strokeColor("#d0d7dc")
    .stroke();
  const pageOf = `Page ${page} of ${totalPages}`;
  doc.text(pageOf, PAGE.margin + width - doc.widthOfString(pageOf), doc.page.height - PAGE.footerBand + 8, {
    lineBreak: false,
  });
}
