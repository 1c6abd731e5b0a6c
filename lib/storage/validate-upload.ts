import { fileTypeFromBuffer } from "file-type";

// Documents the regulator accepts. The type is read from the content (magic bytes), never from the
// file name or the browser's claim, so a renamed executable is refused. A name whose extension says
// another type than the bytes (a PNG renamed .pdf) is refused too, with both types named: the partner
// meant another file, or must rename this one (decision 0048). A name without an extension is fine.
export const ACCEPTED_UPLOAD_TYPES = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
} as const;
export type AcceptedContentType = keyof typeof ACCEPTED_UPLOAD_TYPES;

export type UploadCheck =
  { ok: true; contentType: AcceptedContentType; extension: string } | { ok: false; message: string };

export function formatBytes(bytes: number) {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

// The extensions each accepted type is known by.
const EXTENSIONS: Record<AcceptedContentType, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg", "jpe", "jfif"],
};

/** The extension of a file name as typed ("Scan.PDF" → "pdf"), or null when it has none. */
function extensionOf(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(base);
  return match && match.index > 0 ? match[1]!.toLowerCase() : null;
}

function typeNamedBy(extension: string) {
  const type = (Object.keys(EXTENSIONS) as AcceptedContentType[]).find((t) => EXTENSIONS[t].includes(extension));
  return type ? ACCEPTED_UPLOAD_TYPES[type] : extension.toUpperCase();
}

export async function checkUpload(bytes: Uint8Array, maxBytes: number, fileName = ""): Promise<UploadCheck> {
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      message: `The file is ${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(maxBytes)}.`,
    };
  }
  return checkContent(bytes, fileName);
}

/** How many leading bytes checkContent needs: file-type reads no further for the accepted types. */
export const CONTENT_CHECK_BYTES = 4100;

/** The type check of checkUpload on a file's first bytes, for a file still streaming in (its size is checked as it comes). */
export async function checkContent(head: Uint8Array, fileName = ""): Promise<UploadCheck> {
  if (head.byteLength === 0) return { ok: false, message: "The file is empty." };
  const detected = await fileTypeFromBuffer(head);
  if (!detected || !(detected.mime in ACCEPTED_UPLOAD_TYPES)) {
    const what = detected
      ? `This is a file of type ${detected.ext.toUpperCase()}`
      : "This file is not a PDF, PNG or JPEG";
    return { ok: false, message: `${what}. Only PDF, PNG and JPEG files are accepted.` };
  }
  const contentType = detected.mime as AcceptedContentType;
  const named = extensionOf(fileName);
  if (named && !EXTENSIONS[contentType].includes(named)) {
    const actual = ACCEPTED_UPLOAD_TYPES[contentType];
    return {
      ok: false,
      message: `“${fileName.split(/[\\/]/).pop()}” is a ${actual} file, but its name says ${typeNamedBy(named)}. Choose the file you meant, or rename this one to .${detected.ext} and upload it again.`,
    };
  }
  return { ok: true, contentType, extension: detected.ext };
}
