import { fileTypeFromBuffer } from "file-type";

// Documents the regulator accepts. The type is read from the content (magic bytes), never from the
// file name or the browser's claim, so a renamed executable is refused.
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

export async function checkUpload(bytes: Uint8Array, maxBytes: number): Promise<UploadCheck> {
  if (bytes.byteLength === 0) return { ok: false, message: "The file is empty." };
  if (bytes.byteLength > maxBytes) {
    return {
      ok: false,
      message: `The file is ${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(maxBytes)}.`,
    };
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.mime in ACCEPTED_UPLOAD_TYPES)) {
    const what = detected
      ? `This is a file of type ${detected.ext.toUpperCase()}`
      : "This file is not a PDF, PNG or JPEG";
    return { ok: false, message: `${what}. Only PDF, PNG and JPEG files are accepted.` };
  }
  return { ok: true, contentType: detected.mime as AcceptedContentType, extension: detected.ext };
}
