// Shaping a distinct word with Inter's OpenType layout tables (contextual alternates, kerning pairs)
// costs about a millisecond in fontkit; a 250-country price list has thousands of distinct words
// (prefixes, prices, names), which made its PDF take seconds. A price list needs none of it: every
// name is precomposed (NFC) and every glyph is in the font's character map, so the tables that only
// drive shaping are dropped and each word is laid out from its glyphs' advance widths (a twentieth
// of the time). Outlines, metrics and the character map are untouched: every glyph still renders.
const SHAPING_TABLES = new Set(["GSUB", "GPOS", "GDEF", "kern", "morx", "mort"]);

/**
 * The same TrueType/OpenType font without its shaping tables. Only the table directory is
 * rewritten (fewer entries, same offsets), so the tables kept are not moved or copied.
 */
export function withoutOpenTypeLayout(font: Buffer): Buffer {
  const numTables = font.readUInt16BE(4);
  const kept: Buffer[] = [];
  for (let i = 0; i < numTables; i += 1) {
    const record = font.subarray(12 + 16 * i, 28 + 16 * i);
    if (!SHAPING_TABLES.has(record.toString("latin1", 0, 4))) kept.push(record);
  }
  const out = Buffer.from(font);
  out.writeUInt16BE(kept.length, 4);
  // The binary-search hints of the directory header, for the smaller count.
  const power = 2 ** Math.floor(Math.log2(kept.length));
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(kept.length * 16 - power * 16, 10);
  kept.forEach((record, i) => record.copy(out, 12 + 16 * i));
  out.fill(0, 12 + 16 * kept.length, 12 + 16 * numTables);
  return out;
}
