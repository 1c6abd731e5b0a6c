import {
  BRAND,
  bodyTop,
  contentWidth,
  INK,
  MUTED,
  nextTurn,
  PAGE,
  runningHeadAndFoot,
  tableBottom,
  wrapText,
  type Doc,
} from "@/lib/pricing/documents/pdf-layout";
import { SUPPLIER } from "../supplier";
import type { BilledTo } from "./invoice-source";

// The parts an invoice and a credit note share, on the price list's page furniture
// (lib/pricing/documents/pdf-layout.ts). Each part is measured first and painted only when the
// pass paints, so one layout code serves the pass that counts the pages and the pass that draws.

/** Something of a known height, painted at a y when the pass paints. */
export interface Block {
  height: number;
  paint: (y: number) => void;
}

type TextStyle = { font?: "regular" | "bold"; size: number; color?: string; gap?: number };

/** Text wrapped to `width` (by the tables' own line breaker, not pdfkit's slow one), line by line. */
export function paragraph(doc: Doc, text: string, x: number, width: number, style: TextStyle): Block {
  const font = () => doc.font(style.font ?? "regular").fontSize(style.size);
  const lines = wrapText(font(), text, width);
  const lineHeight = doc.currentLineHeight(true);
  return {
    height: lines.length * lineHeight + (style.gap ?? 0),
    paint: (y) => {
      font().fillColor(style.color ?? INK);
      lines.forEach((line, i) => doc.text(line, x, y + i * lineHeight, { lineBreak: false }));
    },
  };
}

/** Blocks one under the other as one block. */
export function stack(blocks: Block[]): Block {
  return {
    height: blocks.reduce((sum, b) => sum + b.height, 0),
    paint: (y) => {
      let top = y;
      for (const b of blocks) {
        b.paint(top);
        top += b.height;
      }
    },
  };
}

/** Blocks side by side (each placed at its own x by its maker): as tall as the tallest. */
const sideBySide = (blocks: Block[]): Block => ({
  height: Math.max(...blocks.map((b) => b.height)),
  paint: (y) => blocks.forEach((b) => b.paint(y)),
});

/** Label and value rows, the values right-aligned at the block's right edge (totals, facts). */
export function figures(
  doc: Doc,
  rows: { label: string; value: string; isStrong?: boolean }[],
  x: number,
  width: number,
): Block {
  const rowHeight = 16;
  return {
    height: rows.length * rowHeight,
    paint: (y) =>
      rows.forEach((row, i) => {
        const top = y + i * rowHeight;
        if (row.isStrong)
          doc
            .moveTo(x, top - 3)
            .lineTo(x + width, top - 3)
            .lineWidth(0.75)
            .strokeColor(BRAND)
            .stroke();
        doc
          .font(row.isStrong ? "bold" : "regular")
          .fontSize(row.isStrong ? 10.5 : 9.5)
          .fillColor(row.isStrong ? INK : MUTED);
        doc.text(row.label, x, top, { lineBreak: false });
        doc.fillColor(INK).text(row.value, x + width - doc.widthOfString(row.value), top, { lineBreak: false });
      }),
  };
}

/**
 * The first page's head: the supplier (left) and the document's title and facts (right), then who
 * is billed. Every document of a partner opens the same way.
 */
export function documentHead(
  doc: Doc,
  { title, facts, billedTo }: { title: string; facts: [string, string][]; billedTo: BilledTo },
): Block {
  const x = PAGE.margin;
  const half = contentWidth(doc) / 2 - 10;
  const right = x + contentWidth(doc) - half;
  const small = { size: 9, color: MUTED };
  const supplier = stack([
    paragraph(doc, "C L A S S O U N D", x, half, { font: "bold", size: 8, color: BRAND, gap: 6 }),
    paragraph(doc, SUPPLIER.name, x, half, { font: "bold", size: 11, gap: 2 }),
    ...SUPPLIER.addressLines.map((line) => paragraph(doc, line, x, half, small)),
    paragraph(doc, `VAT number ${SUPPLIER.vatNumber}`, x, half, small),
    paragraph(doc, SUPPLIER.email, x, half, small),
  ]);
  const factRows = facts.map(([label, value]) => {
    const valueBlock = paragraph(doc, value, right + 92, half - 92, { font: "bold", size: 9.5, gap: 3 });
    const labelBlock = paragraph(doc, label, right, 88, { size: 9.5, color: MUTED });
    return sideBySide([labelBlock, valueBlock]);
  });
  const heading = stack([
    paragraph(doc, title, right, half, { font: "bold", size: 16, color: BRAND, gap: 8 }),
    ...factRows,
  ]);
  const billed = stack([
    paragraph(doc, "Billed to", x, half, { size: 8, color: MUTED, gap: 2 }),
    paragraph(doc, billedTo.name, x, half, { font: "bold", size: 11, gap: 2 }),
    paragraph(doc, billedTo.countryName, x, half, small),
    ...(billedTo.vatNumber ? [paragraph(doc, `VAT number ${billedTo.vatNumber}`, x, half, small)] : []),
    paragraph(doc, billedTo.billingEmail, x, half, small),
  ]);
  const gap = (height: number): Block => ({ height, paint: () => {} });
  return stack([sideBySide([supplier, heading]), gap(18), billed, gap(20)]);
}

interface GlyphPath {
  translate(x: number, y: number): GlyphPath;
  scale(x: number, y: number): GlyphPath;
  commands: { command: string; args: number[] }[];
}
interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: { path: GlyphPath }[]; positions: { xAdvance: number }[] };
}
const WATERMARK_SIZE = 110;
let watermarkShape: { operators: string; width: number } | undefined;

/**
 * "DRAFT" as outlines, not text: the copy a reader extracts (pdftotext, copy and paste) stays the
 * document's own words instead of a letter of the watermark on every line. Traced once per process
 * from the embedded bold face (pdfkit keeps its fontkit font on the current font) into PDF path
 * operators, so each page adds them as they are instead of parsing an SVG path again.
 */
function draftShape(doc: Doc) {
  if (watermarkShape) return watermarkShape;
  doc.font("bold");
  const font = (doc as unknown as { _font: { font: FontkitFont } })._font.font;
  const run = font.layout("DRAFT");
  const scale = WATERMARK_SIZE / font.unitsPerEm;
  const n = (v: number) => v.toFixed(2);
  const ops: string[] = [];
  let [x, cx, cy] = [0, 0, 0];
  run.glyphs.forEach((glyph, i) => {
    // Font units point up, the page's down.
    for (const { command, args: a } of glyph.path.scale(scale, -scale).translate(x, 0).commands) {
      if (command === "moveTo") ops.push(`${n(a[0]!)} ${n(a[1]!)} m`);
      else if (command === "lineTo") ops.push(`${n(a[0]!)} ${n(a[1]!)} l`);
      else if (command === "bezierCurveTo") ops.push(`${a.map(n).join(" ")} c`);
      else if (command === "quadraticCurveTo") {
        // A quadratic curve as the cubic PDF draws: control points two thirds of the way to the quadratic's.
        const [qx, qy, ex, ey] = a as [number, number, number, number];
        const c1 = [cx + (2 / 3) * (qx - cx), cy + (2 / 3) * (qy - cy)];
        const c2 = [ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey)];
        ops.push(`${[...c1, ...c2, ex, ey].map(n).join(" ")} c`);
      } else if (command === "closePath") ops.push("h");
      if (a.length >= 2) [cx, cy] = [a.at(-2)!, a.at(-1)!];
    }
    x += run.positions[i]!.xAdvance * scale;
  });
  return (watermarkShape = { operators: `${ops.join("\n")}\nf`, width: x });
}

/** A big pale "DRAFT" across the page: a copy of a draft forwarded by mistake cannot pass for an invoice. */
function watermark(doc: Doc) {
  const { operators, width } = draftShape(doc);
  doc
    .save()
    .translate(doc.page.width / 2, doc.page.height / 2)
    .rotate(-40)
    .translate(-width / 2, WATERMARK_SIZE * 0.35)
    .fillColor("#b42318")
    .fillOpacity(0.07);
  doc.addContent(operators);
  doc.restore();
}

/**
 * Places blocks down the pages. The same layout code runs twice: once to count the pages (nothing
 * painted, no page added) and once to paint them with "page n of N", so the total is known without
 * keeping the document or its rows in memory.
 */
export class PageFlow {
  page = 1;
  y = bodyTop();
  /** What each new page repeats at its top (a table's header, the group a table is in), after the running head. */
  repeat: () => void = () => {};

  constructor(
    readonly doc: Doc,
    private readonly painting: { totalPages: number; running: string; isDraft: boolean } | null,
  ) {
    this.decorate();
  }

  get isPainting() {
    return this.painting !== null;
  }

  /** Starts a new page unless `height` fits under y on this one. */
  async room(height: number) {
    if (this.y + height <= tableBottom(this.doc) || this.y === this.top()) return;
    this.page += 1;
    this.y = bodyTop();
    if (this.painting) {
      await nextTurn();
      this.doc.addPage();
    }
    this.decorate();
    this.repeat();
  }

  place(block: Block) {
    if (this.painting) block.paint(this.y);
    this.y += block.height;
  }

  private top = () => bodyTop();

  private decorate() {
    if (!this.painting) return;
    if (this.painting.isDraft) watermark(this.doc);
    runningHeadAndFoot(this.doc, this.painting.running, this.page, this.painting.totalPages);
  }
}
