import type { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { AppError } from "@/lib/errors";

/**
 * Where file bytes live. Metadata (name, type, hash, owner) is in the StoredFile table; the checks
 * (type by content, size, SHA-256) are lib/storage's, in front of every driver, so a driver only moves bytes.
 */
export interface StorageDriver {
  readonly name: string;
  /**
   * Stores `body` under `key`, whole or not at all: a stream is sent as it is read (in parts where
   * the store has them), and a stream that errors leaves nothing under the key.
   */
  put(key: string, body: Uint8Array | Readable, contentType: string): Promise<void>;
  /** The bytes under `key` as they arrive. A missing key rejects with NOT_FOUND before any byte. */
  open(key: string): Promise<Readable>;
  /** All the bytes under `key` (see open), for the portal's own small reads. */
  get(key: string): Promise<Uint8Array>;
  /** Removes `key`; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** A driver from its streaming operations: `get` is `open` read to the end. */
export function defineDriver(driver: Omit<StorageDriver, "get">): StorageDriver {
  return { ...driver, get: async (key) => new Uint8Array(await buffer(await driver.open(key))) };
}

/** What every driver throws for a key it does not hold: a 404 for a route, never a 500. */
export function missingObject() {
  return new AppError("NOT_FOUND", "This file's content is missing from storage.");
}
