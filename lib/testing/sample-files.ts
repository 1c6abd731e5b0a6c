// Real, minimal files of each accepted type (and some refused ones) for upload tests.
const PNG_1x1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
const JPEG_1x1 =
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=";

const pdf = (title: string) =>
  new TextEncoder().encode(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

export const sampleFiles = {
  pdf: (title = "document") => pdf(title),
  png: () => Uint8Array.from(Buffer.from(PNG_1x1, "base64")),
  jpeg: () => Uint8Array.from(Buffer.from(JPEG_1x1, "base64")),
  /** A Windows executable header: what a renamed .exe looks like. */
  exe: () =>
    Uint8Array.from([
      0x4d,
      0x5a,
      0x90,
      0x00,
      0x03,
      0x00,
      0x00,
      0x00,
      0x04,
      0x00,
      0x00,
      0x00,
      0xff,
      0xff,
      0x00,
      0x00,
      ...new Array(64).fill(0),
    ]),
  text: () => new TextEncoder().encode("This is a plain text file pretending to be a PDF.\n"),
};
