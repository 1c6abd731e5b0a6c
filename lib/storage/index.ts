import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Readable } from "node:stream";
import { readRuntimeEnv } from "@/lib/config/runtime";
import type { Db } from "@/lib/db/client";
import type { StoredFile } from "@/lib/db/generated/client";
import { checkedUpload } from "./checked-upload";
import { storageDriver } from "./configured";

export { driverFor, storageDriver } from "./configured";
export { openStoredFile, readStoredFile } from "./verified-read";

export type StoreFileInput = StoreFileDetails &
  (
    | { bytes: Uint8Array }
    /** A file read as it is stored (a large upload): checked and hashed on the way, never buffered whole. */
    | { stream: Readable }
  );

interface StoreFileDetails {
  fileName: string;
  partnerId: string | null;
  /** Null only for the operator's catalogue stored at a production start, before any admin exists. */
  uploadedById: string | null;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Checks the upload by content and size, stores its bytes, then records it and runs `work` in one
 * transaction. If `work` refuses (the request moved on meanwhile) or anything fails, the row is
 * rolled back and the bytes are deleted: nothing is left half-done. Throws INVALID (TOO_LARGE for a
 * stream found too large on the way) with the reason a user can act on when the file is refused;
 * nothing is stored then.
 */
export async function storeFileWith<T>(
  db: Db,
  input: StoreFileInput,
  work: (tx: Tx, file: StoredFile) => Promise<T>,
  driver = storageDriver(),
): Promise<T> {
  const upload = await checkedUpload(
    "bytes" in input ? input.bytes : input.stream,
    readRuntimeEnv().UPLOAD_MAX_BYTES,
    input.fileName,
  );
  const storageKey = randomBytes(16).toString("hex");
  // A driver stores a file whole or not at all: a refusal on the way (too large) leaves nothing to delete.
  await driver.put(storageKey, upload.body, upload.contentType);
  const { sizeBytes, sha256 } = upload.measured();
  try {
    return await db.$transaction(
      async (tx) => {
        const file = await tx.storedFile.create({
          data: {
            driver: driver.name,
            storageKey,
            fileName: safeFileName(input.fileName, upload.extension),
            contentType: upload.contentType,
            sizeBytes,
            sha256,
            partnerId: input.partnerId,
            uploadedById: input.uploadedById,
          },
        });
        return work(tx, file);
      },
      { timeout: 15_000 },
    );
  } catch (error) {
    await driver
      .delete(storageKey)
      .catch((cleanup) => console.error(`Could not delete orphaned upload ${storageKey}`, cleanup));
    throw error;
  }
}

/** Stores an upload on its own (see storeFileWith). */
export function storeFile(db: Db, input: StoreFileInput, driver = storageDriver()) {
  return storeFileWith(db, input, async (_, file) => file, driver);
}

/** A name safe for Content-Disposition, keeping what the user called the file where possible. */
export function safeFileName(name: string, extension: string) {
  const base =
    path
      .basename(name)
      .replace(/\.[^.]*$/, "")
      .replace(/[^\p{L}\p{N} ._-]+/gu, "_")
      .trim()
      .slice(0, 100) || "document";
  return `${base}.${extension}`;
}
