import { createHash } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { AppError } from "@/lib/errors";
import { storageDriver } from "./configured";
import type { StorageDriver } from "./driver";

/** What a read checks a stored file against: what was recorded at upload. */
export interface RecordedFile {
  id?: string;
  storageKey: string;
  sha256: string;
  /** Checked too where the caller has it (a download announces it as Content-Length). */
  sizeBytes?: number;
}

function describe(file: RecordedFile, driver: StorageDriver) {
  return `${file.id ? `Stored file ${file.id}` : "Stored file"} (${driver.name} key ${file.storageKey})`;
}

/**
 * A stored file's bytes as they arrive from the driver, never buffered whole, ending only if they
 * are exactly what was uploaded: the SHA-256 is computed on the way and the last chunk is held back
 * until it and the size match, so a reader (a download) never receives a complete file that differs
 * from the upload. On a mismatch, more bytes than recorded, or a store failing mid-way, the stream
 * errors instead (a download's response is cut) and the cause is logged. A missing object rejects
 * with NOT_FOUND before any byte.
 */
export async function openStoredFile(file: RecordedFile, driver = storageDriver()): Promise<Readable> {
  const source = await driver.open(file.storageKey).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND")
      console.error(`${describe(file, driver)} is recorded but missing from storage`);
    throw error;
  });
  const hash = createHash("sha256");
  let received = 0;
  let held: Buffer | undefined;
  const ofRecorded = file.sizeBytes === undefined ? "" : ` of the ${file.sizeBytes} recorded`;
  const fail = (message: string, cause?: unknown) => {
    const error = new Error(`${describe(file, driver)}: ${message}`, { cause });
    console.error(error.message, cause ?? "");
    return error;
  };
  const verified = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.byteLength;
      if (file.sizeBytes !== undefined && received > file.sizeBytes)
        return done(fail(`more bytes than the ${file.sizeBytes} recorded; they do not match its recorded SHA-256`));
      hash.update(chunk);
      if (held) this.push(held);
      held = chunk;
      done();
    },
    flush(done) {
      if ((file.sizeBytes ?? received) !== received || hash.digest("hex") !== file.sha256)
        return done(fail(`its ${received} bytes${ofRecorded} do not match its recorded SHA-256`));
      if (held) this.push(held);
      done();
    },
  });
  source.on("error", (cause) => {
    // An error after the reader went away (a closed download) is that closing, not the store failing.
    if (!verified.destroyed) verified.destroy(fail(`the store failed after ${received}${ofRecorded} bytes`, cause));
  });
  // A reader that stops early (a browser closing the download) releases the store's connection.
  verified.on("close", () => source.destroy());
  return source.pipe(verified);
}

/** All the bytes of a stored file, checked as in openStoredFile: an error rather than a partial or changed file. */
export async function readStoredFile(file: RecordedFile, driver = storageDriver()): Promise<Uint8Array> {
  return new Uint8Array(await buffer(await openStoredFile(file, driver)));
}
