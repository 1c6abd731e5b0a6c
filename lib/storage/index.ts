import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { dataDir, readRuntimeEnv } from "@/lib/config/runtime";
import type { Db } from "@/lib/db/client";
import type { StoredFile } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import type { StorageDriver } from "./driver";
import { localDriver } from "./local-driver";
import { uploadthingDriver } from "./uploadthing-driver";
import { checkUpload } from "./validate-upload";

let configured: StorageDriver | undefined;

/** The driver chosen by the environment: UploadThing when UPLOADTHING_TOKEN is set, local disk otherwise. */
export function storageDriver(): StorageDriver {
  if (!configured) {
    const env = readRuntimeEnv();
    configured = env.UPLOADTHING_TOKEN
      ? uploadthingDriver(env.UPLOADTHING_TOKEN)
      : localDriver(path.join(dataDir(env), "uploads"));
  }
  return configured;
}

export interface StoreFileInput {
  bytes: Uint8Array;
  fileName: string;
  partnerId: string | null;
  /** Null only for the operator's catalogue stored at a production start, before any admin exists. */
  uploadedById: string | null;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Checks the upload by content and size, stores its bytes, then records it and runs `work` in one
 * transaction. If `work` refuses (the request moved on meanwhile) or anything fails, the row is
 * rolled back and the bytes are deleted: nothing is left half-done. Throws INVALID with the reason
 * a user can act on when the file is refused; nothing is stored then.
 */
export async function storeFileWith<T>(
  db: Db,
  input: StoreFileInput,
  work: (tx: Tx, file: StoredFile) => Promise<T>,
  driver = storageDriver(),
): Promise<T> {
  const check = await checkUpload(input.bytes, readRuntimeEnv().UPLOAD_MAX_BYTES, input.fileName);
  if (!check.ok) throw new AppError("INVALID", check.message);
  const storageKey = randomBytes(16).toString("hex");
  await driver.put(storageKey, input.bytes, check.contentType);
  try {
    return await db.$transaction(
      async (tx) => {
        const file = await tx.storedFile.create({
          data: {
            driver: driver.name,
            storageKey,
            fileName: safeFileName(input.fileName, check.extension),
            contentType: check.contentType,
            sizeBytes: input.bytes.byteLength,
            sha256: createHash("sha256").update(input.bytes).digest("hex"),
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

/** The bytes of a stored file, checked against the SHA-256 recorded at upload. */
export async function readStoredFile(file: { storageKey: string; sha256: string }, driver = storageDriver()) {
  const bytes = await driver.get(file.storageKey);
  if (createHash("sha256").update(bytes).digest("hex") !== file.sha256) {
    throw new Error(`Stored file ${file.storageKey} does not match its recorded SHA-256`);
  }
  return bytes;
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
