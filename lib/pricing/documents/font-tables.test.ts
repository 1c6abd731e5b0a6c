import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { COUNTRIES } from "@/lib/db/seed/countries";
import { documentFonts } from "./pdf-layout";

interface FontLike {
  numGlyphs: number;
  availableFeatures: string[];
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
}
// fontkit is pdfkit's own font engine (no types of its own): the one that will read these fonts.
const fontkit = createRequire(import.meta.url)("fontkit") as { create(buffer: Buffer): FontLike };

describe("the price list's fonts", () => {
  it("keep a glyph for every character of every country name, the currency symbols and the table punctuation, without the shaping tables", () => {
    const characters = new Set([...COUNTRIES.map((c) => c.name).join(""), ..."€$£¥₣₺zł…—–·+Łódź"]);
    for (const buffer of Object.values(documentFonts())) {
      const font = fontkit.create(buffer);
      expect(font.availableFeatures).toEqual([]);
      const missing = [...characters].filter((char) => font.glyphForCodePoint(char.codePointAt(0)!).id === 0);
      expect(missing).toEqual([]);
      expect(font.numGlyphs).toBeGreaterThan(2000);
    }
  });
});
