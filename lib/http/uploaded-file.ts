import { readRuntimeEnv } from "@/lib/config/runtime";
import { AppError } from "@/lib/errors";
import { formatBytes } from "@/lib/storage/validate-upload";

// Room for the multipart envelope (boundaries, headers, the field name), so a file of exactly the
// limit still fits.
const MULTIPART_OVERHEAD = 64 * 1024;

/** A file past the upload limit, in words with the limit. */
export function fileTooLarge(limit: number) {
  return new AppError("TOO_LARGE", `The file is larger than the limit (${formatBytes(limit)}).`);
}

/**
 * The request body, read as it streams in and abandoned as soon as it passes `maxBytes`: a client
 * that declares a small Content-Length (or none) and sends more is stopped all the same.
 */
async function readBodyWithin(
  request: Request,
  maxBytes: number,
  onTooLarge: () => AppError,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw onTooLarge();
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw onTooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(received));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Whether the request says it carries a multipart form. */
export const isMultipart = (request: Request) =>
  (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

/**
 * A multipart body as a form, read within room for a file of `maxBytes` (TOO_LARGE past it, before
 * the rest is read); null when it is cut off or malformed. Each file's own size is the caller's to check.
 */
export async function readMultipartBody(request: Request, maxBytes: number): Promise<FormData | null> {
  const body = await readBodyWithin(request, maxBytes + MULTIPART_OVERHEAD, () => fileTooLarge(maxBytes));
  const headers = { "content-type": request.headers.get("content-type") ?? "" };
  return new Response(body, { headers }).formData().catch(() => null);
}

/**
 * The `file` field of a multipart upload, as bytes. The size is enforced while the body streams in;
 * the exact size and the type are checked by lib/storage.
 */
export async function readUploadedFile(request: Request): Promise<{ bytes: Uint8Array; fileName: string }> {
  return (await readUploadedForm(request)).file;
}

/**
 * A multipart form carrying one file (`file`) next to ordinary fields, for a record created with its
 * document in one request. The file is checked as in readUploadedFile; a missing one is reported
 * under `fileField` so the form shows it beside its control.
 */
export async function readUploadedForm(
  request: Request,
  fileField = "file",
): Promise<{ file: { bytes: Uint8Array; fileName: string }; fields: Record<string, string> }> {
  const limit = readRuntimeEnv().UPLOAD_MAX_BYTES;
  if (!isMultipart(request))
    throw new AppError("INVALID", "Send the file as multipart/form-data in a field named file.");
  const form = await readMultipartBody(request, limit);
  if (!form) throw new AppError("INVALID", "The upload was cut off or malformed. Choose the file again.");
  const file = form.get("file");
  if (!(file instanceof File))
    throw new AppError("INVALID", "Choose a file to upload.", { [fileField]: ["Choose a file to upload."] });
  if (file.size > limit) throw fileTooLarge(limit);
  // The form's text fields (an effective date, a port-in's details), for the route's schema to parse.
  const fields = Object.fromEntries(
    [...form.entries()].flatMap(([key, value]) => (typeof value === "string" ? [[key, value]] : [])),
  );
  return { file: { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name }, fields };
}

/** An uploaded CSV file's text: UTF-8, or a clear refusal (a spreadsheet's other encodings would garble names). */
export async function readUploadedCsvText(request: Request): Promise<string> {
  const { bytes } = await readUploadedFile(request);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID", "Save the file as UTF-8 CSV and choose it again.");
  }
}
