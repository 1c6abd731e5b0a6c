import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import {
  checkContent,
  checkUpload,
  CONTENT_CHECK_BYTES,
  formatBytes,
  type AcceptedContentType,
} from "./validate-upload";

/** An upload that passed the type check, ready for a driver; size and SHA-256 are final once the driver has stored it. */
export interface CheckedUpload {
  contentType: AcceptedContentType;
  extension: string;
  body: Uint8Array | Readable;
  measured(): { sizeBytes: number; sha256: string };
}

/**
 * The portal's checks in front of every driver. Bytes are checked whole; a stream by its first
 * bytes (the type) and then as it passes to the driver: past `maxBytes` it errors, so the driver
 * stores nothing, and its SHA-256 is computed on the way rather than over a buffered copy.
 * A refused file throws INVALID (TOO_LARGE for a stream found too large on the way).
 */
export async function checkedUpload(
  source: Uint8Array | Readable,
  maxBytes: number,
  fileName: string,
): Promise<CheckedUpload> {
  if (!(source instanceof Readable)) {
    const check = await checkUpload(source, maxBytes, fileName);
    if (!check.ok) throw new AppError("INVALID", check.message);
    const measured = { sizeBytes: source.byteLength, sha256: createHash("sha256").update(source).digest("hex") };
    return { contentType: check.contentType, extension: check.extension, body: source, measured: () => measured };
  }

  const chunks: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < CONTENT_CHECK_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.byteLength;
  }
  const check = await checkContent(Buffer.concat(head), fileName);
  if (!check.ok) {
    source.destroy();
    throw new AppError("INVALID", check.message);
  }

  const hash = createHash("sha256");
  let sizeBytes = 0;
  const measure = (chunk: Buffer) => {
    sizeBytes += chunk.byteLength;
    if (sizeBytes > maxBytes)
      throw new AppError("TOO_LARGE", `The file is larger than the limit (${formatBytes(maxBytes)}).`);
    hash.update(chunk);
    return chunk;
  };
  async function* measuredChunks() {
    try {
      for (const chunk of head) yield measure(chunk);
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield measure(next.value);
    } finally {
      // A driver that gives up (or a refusal above) releases the source: a request body stops being read.
      await chunks.return?.();
    }
  }
  let digest: string | undefined;
  return {
    contentType: check.contentType,
    extension: check.extension,
    body: Readable.from(measuredChunks(), { objectMode: false }),
    measured: () => ({ sizeBytes, sha256: (digest ??= hash.digest("hex")) }),
  };
}
