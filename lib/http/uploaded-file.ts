import { readRuntimeEnv } from "@/lib/config/runtime";
import { AppError } from "@/lib/errors";

// Some headroom over the file limit for the multipart envelope, so a file at the limit still fits.
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * The `file` field of a multipart upload, as bytes. Refuses a body declared larger than the upload
 * limit before reading it; the exact size and type are checked by lib/storage.
 */
export async function readUploadedFile(request: Request): Promise<{ bytes: Uint8Array; fileName: string }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > readRuntimeEnv().UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD) throw new AppError("INVALID", "The file is larger than the upload limit.");
  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw new AppError("INVALID", "Choose a file to upload.");
  return { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name };
}
