import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { withoutOpenTypeLayout } from "./font-tables";
import type { Column } from "./sections";

// The page furniture every generated PDF shares (price lists, invoices, credit notes): fonts,
// colours, A4 geometry, tables drawn row by row, and the running head and foot.

// Inter covers every country name of the catalogue and the currency symbols; pdfkit's standard fonts
// stop at WinAnsi ("Curaçao" works, "Türkiye" or "Łódź" would not). Whole TTFs, not web subsets.
const FONT_DIR = path.join(process.cwd(), "node_modules/@expo-google-fonts/inter");
const FONT_FILES = {
  regular: path.join(FONT_DIR, "400Regular/Inter_400Regular.ttf"),
  bold: path.join(FONT_DIR, "600SemiBold/Inter_600SemiBold.ttf"),
};
let fonts: Record<keyof typeof FONT_FILES, Buffer> | undefined;
/** The fonts every generated PDF embeds, read once per process. */
export const documentFonts = () =>
  (fonts ??= {
    // Read at run time from the checkout: without the ignore, Turbopack traces the whole project into the build.
    regular: withoutOpenTypeLayout(readFileSync(/*turbopackIgnore: true*/ FONT_FILES.regular)),
    bold: withoutOpenTypeLayout(readFileSync(/*turbopackIgnore: true*/ FONT_FILES.bold)),
  });

export const BRAND = "#0f4c5c";
export const INK = "#1b1f23";
export const MUTED = "#5b6770";
const STRIPE = "#f2f5f6";
const RULE = "#d0d7dc";
export const PAGE = { margin: 48, headerBand: 28, footerBand: 30 };
const MIN_ROW_HEIGHT = 17;
const CELL_PAD = { x: 6, y: 4.5 };
export const SIZE = { title: 16, notes: 9.5, cell: 9, running: 8 };

export type Doc = InstanceType<typeof PDFDocument>;

/** An A4 document with the fonts registered as "regular" and "bold", margins for `PAGE`. */
export function a4Document(info: PDFKit.DocumentInfo): Doc {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: PAGE.margin, bottom: 0, left: PAGE.margin, right: PAGE.margin },
    info,
  });
  const { regular, bold } = documentFonts();
  doc.registerFont("regular", regular).registerFont("bold", bold);
  return doc;
}

// Drawing is synchronous: yielding between pages lets each finished page leave before the next is
// drawn, instead of the whole document piling up in the stream's buffer.
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Ends the document with an error if writing its pages fails, so a reader sees the failure. */
export function writeInBackground(doc: Doc, write: () => Promise<void>): Doc {
  write().catch((error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))));
  return doc;
}

export const contentWidth = (doc: Doc) => doc.page.width - 2 * PAGE.margin;
export const tableBottom = (doc: Doc) => doc.page.height - PAGE.footerBand - PAGE.margin / 2;
export const bodyTop = () => PAGE.margin + PAGE.headerBand;

export function columnWidths(doc: Doc, columns: Pick<Column, "weight">[]) {
  const total = columns.reduce((sum, col) => sum + col.weight, 0);
  return columns.map((col) => (contentWidth(doc) * col.weight) / total);
}

/** header: white on the brand colour; stripe/plain: body rows; group: a heading inside a table; total: a bold sum. */
export type RowStyle = "header" | "stripe" | "plain" | "group" | "total";

function cellFont(doc: Doc, style: RowStyle) {
  const isBold = style === "header" || style === "group" || style === "total";
  return doc.font(isBold ? "bold" : "regular").fontSize(style === "header" ? 8.5 : SIZE.cell);
}

// pdfkit's heightOfString and wrapped text run its line breaker per call (milliseconds each), and
// even its widthOfString lays the whole string out again: a table of thousands of rows would take
// seconds. Widths are summed here from each word's, cached per font and size (the fonts have no
// kerning or shaping tables, docs/decisions/0017, so a word is as wide as its glyphs' advances);
// lines are broken greedily, as pdfkit breaks them, and each line is placed directly.
const wordWidths = new WeakMap<object, Map<number, Map<string, number>>>();
const MAX_CACHED_WORDS = 50_000;

/** The cached widths of words in the current font and size. */
function widthsOfWords(doc: Doc) {
  // pdfkit keeps the current font and size on the document (no public getter).
  const { _font: font, _fontSize: size } = doc as unknown as { _font: object; _fontSize: number };
  let bySize = wordWidths.get(font);
  if (!bySize) wordWidths.set(font, (bySize = new Map()));
  let words = bySize.get(size);
  // Bounded: distinct amounts and counts would otherwise grow it with every row of a long document.
  if (!words || words.size > MAX_CACHED_WORDS) bySize.set(size, (words = new Map()));
  return (word: string) => {
    let w = words.get(word);
    if (w === undefined) words.set(word, (w = doc.widthOfString(word)));
    return w;
  };
}

/** The width of `text` in the current font and size, as `doc.widthOfString` gives it. */
export function textWidth(doc: Doc, text: string): number {
  const widthOf = widthsOfWords(doc);
  const space = widthOf(" ");
  let width = -space;
  for (const word of text.split(" ")) width += widthOf(word) + space;
  return width;
}

/** The lines `text` takes in `width` with the current font; a word wider than the width is cut between characters. */
export function wrapText(doc: Doc, text: string, width: number): string[] {
  const widthOf = widthsOfWords(doc);
  const space = widthOf(" ");
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    const words = paragraph.split(" ");
    let first = 0;
    let used = -space;
    for (let i = 0; i < words.length; i += 1) {
      const w = widthOf(words[i]!);
      if (w > width) {
        // Rare: a word wider than the column (a URL, a long reference) is cut, never left to overflow.
        if (i > first) lines.push(words.slice(first, i).join(" "));
        const pieces = cutWord(doc, words[i]!, width);
        lines.push(...pieces.slice(0, -1));
        words[i] = pieces.at(-1)!;
        first = i;
        used = widthOf(words[i]!);
      } else if (i > first && used + space + w > width) {
        lines.push(words.slice(first, i).join(" "));
        first = i;
        used = w;
      } else {
        used += space + w;
      }
    }
    lines.push(words.slice(first).join(" "));
  }
  return lines;
}

/** A word as pieces no wider than `width`: after a hyphen or slash where it can, else between characters. */
function cutWord(doc: Doc, word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const part of word.split(/(?<=[-/])/)) {
    if (piece && textWidth(doc, piece + part) > width) {
      pieces.push(piece);
      piece = "";
    }
    if (textWidth(doc, part) <= width) {
      piece += part;
      continue;
    }
    for (const char of part) {
      if (piece && textWidth(doc, piece + char) > width) {
        pieces.push(piece);
        piece = "";
      }
      piece += char;
    }
  }
  return [...pieces, piece];
}

interface PdfkitFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], unknown[]];
}
const encodedWords = new WeakMap<object, Map<string, string>>();

/**
 * Lines of text in the current font, size and fill colour, each at its top-left corner, written as
 * one text object: what `doc.text(line, x, y, { lineBreak: false })` draws, without its cost per
 * call (it measures and lays the line out again, and wraps it in a graphics state of its own),
 * which made the tables of long documents take seconds. Words are encoded once per font through
 * pdfkit's own encoder, so the font subset, its widths and the text a reader extracts stay pdfkit's.
 */
export function placeLines(doc: Doc, lines: { text: string; x: number; y: number }[]) {
  if (!lines.length) return;
  const { _font: font, _fontSize: size } = doc as unknown as { _font: PdfkitFont; _fontSize: number };
  const page = doc.page as unknown as { fonts: Record<string, unknown>; height: number };
  page.fonts[font.id] ??= font.ref();
  let words = encodedWords.get(font);
  if (!words || words.size > MAX_CACHED_WORDS) encodedWords.set(font, (words = new Map()));
  const hexOf = (text: string) => {
    let hex = "";
    // Words with their following space, as pdfkit caches its layouts.
    for (const word of text.split(/(?<= )/)) {
      let encoded = words.get(word);
      if (encoded === undefined) words.set(word, (encoded = font.encode(word)[0].join("")));
      hex += encoded;
    }
    return hex;
  };
  const baseline = (font.ascender / 1000) * size;
  // pdfkit's pages run top-down; text is set in PDF's own bottom-up space, as pdfkit sets it.
  const ops = [`q 1 0 0 -1 0 ${page.height} cm BT /${font.id} ${size} Tf`];
  for (const line of lines)
    if (line.text)
      ops.push(
        `1 0 0 1 ${line.x.toFixed(3)} ${(page.height - line.y - baseline).toFixed(3)} Tm <${hexOf(line.text)}> Tj`,
      );
  ops.push("ET Q");
  doc.addContent(ops.join("\n"));
}

/** A row's height and each cell's lines, measured once for both the page break and the drawing. */
export interface MeasuredRow {
  height: number;
  lines: string[][];
}

/** `isOneLine` marks cells never wrapped (amounts sized to their column): they take one line whatever their text. */
export function measureRow(
  doc: Doc,
  widths: number[],
  texts: string[],
  style: RowStyle,
  isOneLine: boolean[] = [],
): MeasuredRow {
  cellFont(doc, style);
  const lines = texts.map((text, i) => (isOneLine[i] ? [text] : wrapText(doc, text, widths[i] - 2 * CELL_PAD.x)));
  const height = Math.max(
    MIN_ROW_HEIGHT,
    Math.max(...lines.map((l) => l.length)) * doc.currentLineHeight(true) + 2 * CELL_PAD.y,
  );
  return { height, lines };
}

export function rowHeight(doc: Doc, widths: number[], texts: string[], style: RowStyle) {
  return measureRow(doc, widths, texts, style).height;
}

/** Draws one row of `height` (from `rowHeight`) at `y` and returns the y below it. */
export function tableRow(
  doc: Doc,
  columns: Pick<Column, "kind">[],
  widths: number[],
  texts: string[],
  y: number,
  height: number,
  style: RowStyle,
  { align = "middle", lines: measured }: { align?: "middle" | "top"; lines?: string[][] } = {},
) {
  const width = widths.reduce((sum, w) => sum + w, 0);
  if (style === "header" || style === "stripe")
    doc.rect(PAGE.margin, y, width, height).fill(style === "header" ? BRAND : STRIPE);
  if (style === "group" || style === "total")
    doc
      .moveTo(PAGE.margin, style === "group" ? y + height : y)
      .lineTo(PAGE.margin + width, style === "group" ? y + height : y)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
  cellFont(doc, style).fillColor(style === "header" ? "#ffffff" : style === "group" ? BRAND : INK);
  const lineHeight = doc.currentLineHeight(true);
  const placed: { text: string; x: number; y: number }[] = [];
  let x = PAGE.margin;
  texts.forEach((text, i) => {
    const inner = widths[i] - 2 * CELL_PAD.x;
    const lines = measured?.[i] ?? wrapText(doc, text, inner);
    let top = align === "top" ? y + CELL_PAD.y + 0.5 : y + (height - lines.length * lineHeight) / 2 + 0.5;
    for (const line of lines) {
      const left = columns[i].kind === "text" ? x + CELL_PAD.x : x + CELL_PAD.x + inner - textWidth(doc, line);
      placed.push({ text: line, x: left, y: top });
      top += lineHeight;
    }
    x += widths[i];
  });
  placeLines(doc, placed);
  return y + height;
}

export function runningHeadAndFoot(doc: Doc, running: string, page: number, totalPages: number) {
  const width = contentWidth(doc);
  doc.font("regular").fontSize(SIZE.running).fillColor(MUTED);
  // Placed, not wrapped: pdfkit's line wrapper for two fixed lines on every page costs more than the rows.
  doc.text(running, PAGE.margin, PAGE.margin - 16, { lineBreak: false });
  doc
    .moveTo(PAGE.margin, doc.page.height - PAGE.footerBand)
    .lineTo(PAGE.margin + width, doc.page.height - PAGE.footerBand)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  const pageOf = `Page ${page} of ${totalPages}`;
  doc.text(pageOf, PAGE.margin + width - doc.widthOfString(pageOf), doc.page.height - PAGE.footerBand + 8, {
    lineBreak: false,
  });
}
