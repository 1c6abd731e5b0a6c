import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { dataDir, readRuntimeEnv } from "@/lib/config/runtime";
import type { Db } from "@/lib/db/client";
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
  uploadedById: string;
}

/**
 * Checks the upload by content and size, stores it, and records it. Throws INVALID with the reason
 * a user can act on when the file is refused; nothing is stored then.
 */
export async function storeFile(db: Pick<Db, "storedFile">, input: StoreFileInput, driver = storageDriver()) {
  const check = await checkUpload(input.bytes, readRuntimeEnv().UPLOAD_MAX_BYTES);
  if (!check.ok) throw new AppError("INVALID", check.message);
  const storageKey = randomBytes(16).toString("hex");
  await driver.put(storageKey, input.bytes, check.contentType);
  return db.storedFile.create({
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
  const base = path.basename(name).replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N} ._-]+/gu, "_").trim().slice(0, 100) || "document";
  return `${base}.${extension}`;
}
