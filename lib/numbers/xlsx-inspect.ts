import { inflateRawSync } from "node:zlib";

/**
 * What a workbook may hold before a spreadsheet parser is let near it. A parser materialises what
 * the file claims (a cell at XFD1048576 is a million rows to it, an XML entity is expanded, a
 * deflated part may unpack a thousandfold), so the claims are read first, cheaply, from the zip's
 * directory and the raw XML, and absurd ones are refused with what to do instead.
 */
export interface WorkbookLimits {
  /** All parts together, unpacked. */
  maxUnpackedBytes: number;
  maxParts: number;
  /** Rows of a sheet, header included. */
  maxRows: number;
  maxColumns: number;
}

export interface WorkbookRefusal {
  code: "INVALID" | "TOO_LARGE";
  message: string;
}

interface ZipPart {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export const SAVE_AGAIN = "Save it again from Excel or LibreOffice as .xlsx, or as .csv.";
const notAWorkbook = (why: string): WorkbookRefusal => ({
  code: "INVALID",
  message: `This is not a readable .xlsx workbook (${why}). ${SAVE_AGAIN}`,
});

/** Thrown inside the inspection to stop at the first refusal. */
class Refused extends Error {
  constructor(readonly refusal: WorkbookRefusal) {
    super(refusal.message);
  }
}

/** The zip's central directory: each part's name, method and where its data starts. */
function zipDirectory(zip: Buffer, maxParts: number): ZipPart[] {
  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Refused(notAWorkbook("it is not a zip archive"));
  const count = zip.readUInt16LE(end + 10);
  const offset = zip.readUInt32LE(end + 16);
  // ZIP64 markers: a workbook small enough to import never needs them.
  if (count === 0xffff || offset === 0xffffffff) throw new Refused(notAWorkbook("a ZIP64 archive"));
  if (count > maxParts)
    throw new Refused({
      code: "TOO_LARGE",
      message: `The workbook has ${count} parts; a ranges file needs a handful.`,
    });
  const parts: ZipPart[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Refused(notAWorkbook("its zip directory is damaged"));
    const nameLength = zip.readUInt16LE(at + 28);
    parts.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/** A part's bytes, unpacked to at most `budget` bytes (zlib stops there: a bomb never unpacks whole). */
function unpack(zip: Buffer, part: ZipPart, budget: number, limits: WorkbookLimits): Buffer {
  const header = part.localHeaderOffset;
  if (zip.readUInt32LE(header) !== LOCAL_HEADER) throw new Refused(notAWorkbook(`the part ${part.name} is damaged`));
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const data = zip.subarray(start, start + part.compressedSize);
  const tooLarge = () =>
    new Refused({
      code: "TOO_LARGE",
      message: `The workbook unpacks to more than ${limits.maxUnpackedBytes / 1024 / 1024} MB; a ranges file is far smaller. Remove what is not ranges, or save it as .csv.`,
    });
  if (part.method === STORED) {
    if (data.length > budget) throw tooLarge();
    return data;
  }
  if (part.method !== DEFLATED)
    throw new Refused(notAWorkbook(`the part ${part.name} is compressed in an unusual way`));
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw new Refused(notAWorkbook(`the part ${part.name} cannot be unpacked`));
  }
}

/** A column's letters as its number: A = 1, Z = 26, AA = 27, XFD = 16384. */
export function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

// The addresses a sheet claims: <dimension ref="A1:E20">, <row r="20">, <c r="E20"> (any namespace prefix).
const ADDRESSES = /<(?:[\w.-]+:)?(dimension|row|c)\b[^>]*?\s(?:ref|r)\s*=\s*["']([^"']*)["']/g;
const CELL = /^\$?([A-Za-z]{0,3})\$?(\d{1,9})$/;
const ROW_ELEMENT = /<(?:[\w.-]+:)?row\b/g;

/** The first address of a sheet past the limits, as the sheet writes it; null when every one is within. */
function addressBeyond(xml: string, limits: WorkbookLimits): string | null {
  for (const [, , value] of xml.matchAll(ADDRESSES)) {
    for (const address of value!.split(":")) {
      const cell = CELL.exec(address.trim());
      if (!cell) continue;
      if (Number(cell[2]) > limits.maxRows || columnNumber(cell[1]!) > limits.maxColumns) return address.trim();
    }
  }
  // Rows without addresses follow one another: as many rows as elements.
  const rows = xml.match(ROW_ELEMENT)?.length ?? 0;
  return rows > limits.maxRows ? `row ${rows}` : null;
}

const columnLetters = (n: number): string =>
  n <= 0 ? "" : columnLetters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

/**
 * Reads a workbook's zip directory and raw XML, and answers why it must not be parsed (null when it
 * may): not a zip, too many parts, unpacking past the budget, an XML DOCTYPE (entities: spreadsheet
 * programs never write one), or a sheet whose cells or claimed dimension lie past the limits.
 */
export function inspectWorkbook(bytes: Uint8Array, limits: WorkbookLimits): WorkbookRefusal | null {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    let budget = limits.maxUnpackedBytes;
    for (const part of zipDirectory(zip, limits.maxParts)) {
      if (part.name.endsWith("/")) continue;
      const content = unpack(zip, part, budget, limits);
      budget -= content.length;
      if (!/\.(xml|rels|vml)$/i.test(part.name)) continue;
      // latin1: every byte one character, no decoding work; the markup looked for is ASCII.
      const xml = content.toString("latin1");
      if (/<!(DOCTYPE|ENTITY)/i.test(xml))
        return notAWorkbook(`the part ${part.name} declares XML entities, which spreadsheet programs never write`);
      if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(part.name)) continue;
      const beyond = addressBeyond(xml, limits);
      if (beyond)
        return {
          code: "TOO_LARGE",
          message: `The sheet reaches ${beyond}: a ranges file has at most ${(limits.maxRows - 1).toLocaleString("en")} rows below its header and columns A to ${columnLetters(limits.maxColumns)}. Delete the rows and columns past the ranges, or split the file.`,
        };
    }
    return null;
  } catch (error) {
    if (error instanceof Refused) return error.refusal;
    // A read past the end of the buffer: offsets in the directory that point nowhere.
    if (error instanceof RangeError) return notAWorkbook("its zip directory points outside the file");
    throw error;
  }
}
