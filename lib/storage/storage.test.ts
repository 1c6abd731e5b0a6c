import {
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it, vi } from "vitest";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { startS3ServerOrSkip } from "@/lib/testing/s3-server";
import { createTestDatabase } from "@/lib/testing/test-database";
import { sampleFiles } from "@/lib/testing/sample-files";
import { storedFileResponse } from "./download";
import type { StorageDriver } from "./driver";
import { driverFor, readStoredFile, safeFileName, storeFile } from "./index";
import { localDriver } from "./local-driver";
import { s3Client, s3Driver } from "./s3-driver";
import { checkUpload } from "./validate-upload";

const { prisma } = await createTestDatabase();
const root = await mkdtemp(path.join(os.tmpdir(), "classound-storage-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDriver(root);
const MB = 1024 * 1024;
// One S3-compatible server for the whole file (moto: about 1.5 s with its bucket); the last S3 case kills it.
const { server: s3 } = await startS3ServerOrSkip();
afterAll(() => s3?.stop());

/** Stores a file through the portal's checks, as an upload route does. */
const store = (file: Uint8Array | Readable, fileName: string, into = driver) =>
  storeFile(
    prisma,
    {
      ...(file instanceof Readable ? { stream: file } : { bytes: file }),
      fileName,
      partnerId: null,
      uploadedById: "u1",
    },
    into,
  );

describe("upload validation by content", () => {
  it("accepts PDF, PNG and JPEG by their magic bytes", async () => {
    expect(await checkUpload(sampleFiles.pdf(), MB)).toMatchObject({ ok: true, contentType: "application/pdf" });
    expect(await checkUpload(sampleFiles.png(), MB)).toMatchObject({ ok: true, contentType: "image/png" });
    expect(await checkUpload(sampleFiles.jpeg(), MB)).toMatchObject({ ok: true, contentType: "image/jpeg" });
  });

  it("refuses an executable and a text file whatever they are called", async () => {
    expect(await checkUpload(sampleFiles.exe(), MB)).toEqual({
      ok: false,
      message: "This is a file of type EXE. Only PDF, PNG and JPEG files are accepted.",
    });
    expect(await checkUpload(sampleFiles.text(), MB)).toEqual({
      ok: false,
      message: "This file is not a PDF, PNG or JPEG. Only PDF, PNG and JPEG files are accepted.",
    });
  });

  it("refuses a file whose name says another type than its bytes, naming both; a name without extension is fine", async () => {
    expect(await checkUpload(sampleFiles.png(), MB, "fake.pdf")).toEqual({
      ok: false,
      message:
        "“fake.pdf” is a PNG file, but its name says PDF. Choose the file you meant, or rename this one to .png and upload it again.",
    });
    expect(await checkUpload(sampleFiles.pdf(), MB, "C:\\scans\\proof.exe")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^“proof\.exe” is a PDF file, but its name says EXE\./),
    });
    expect(await checkUpload(sampleFiles.jpeg(), MB, "photo.JPG")).toMatchObject({ ok: true, extension: "jpg" });
    expect(await checkUpload(sampleFiles.pdf(), MB, "scan")).toMatchObject({ ok: true, extension: "pdf" });
    await expect(store(sampleFiles.png(), "fake.pdf")).rejects.toThrow(/is a PNG file, but its name says PDF/);
  });

  it("refuses empty and oversized files with the limit in the message", async () => {
    expect(await checkUpload(new Uint8Array(), MB)).toEqual({ ok: false, message: "The file is empty." });
    const big = new Uint8Array(2 * MB + 1);
    big.set(sampleFiles.pdf());
    expect(await checkUpload(big, 2 * MB)).toEqual({ ok: false, message: "The file is 2.0 MB; the limit is 2 MB." });
  });

  it("stores nothing when the file is refused, whole or streamed", async () => {
    const before = { rows: await prisma.storedFile.count(), files: await readdir(root, { recursive: true }) };
    await expect(store(sampleFiles.exe(), "x.pdf")).rejects.toMatchObject({ code: "INVALID" });
    await expect(store(Readable.from([Buffer.from(sampleFiles.exe())]), "x.pdf")).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringMatching(/type EXE/),
    });
    await expect(store(Readable.from([]), "x.pdf")).rejects.toMatchObject({ message: "The file is empty." });
    expect(await prisma.storedFile.count()).toBe(before.rows);
    expect(await readdir(root, { recursive: true })).toEqual(before.files);
  });
});

/** Each driver this machine can run, with a way to change a stored object behind the portal's back. */
interface DriverCase {
  driver: StorageDriver;
  overwrite(key: string, bytes: Uint8Array): Promise<void>;
  /** Every key the store holds, finished or not (S3: pending multipart uploads too). */
  keys(): Promise<string[]>;
}

const BUCKET = "classound-storage-test";
const cases: Record<string, DriverCase> = {
  local: {
    driver,
    overwrite: (key, bytes) => writeFile(path.join(root, key.slice(0, 2), key), bytes),
    keys: async () =>
      (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name),
  },
};
// Reaches the bucket behind the portal's back, to change or inspect what a driver stored.
const client = s3 && s3Client(s3.settings(BUCKET));
afterAll(() => client?.destroy());
if (s3 && client) {
  await s3.createBucket(BUCKET);
  cases.s3 = {
    driver: s3Driver(s3.settings(BUCKET)),
    overwrite: async (key, bytes) =>
      void (await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: bytes }))),
    keys: async () => {
      const objects = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
      const pending = await client.send(new ListMultipartUploadsCommand({ Bucket: BUCKET }));
      return [...(objects.Contents ?? []), ...(pending.Uploads ?? [])].map((o) => o.Key!);
    },
  };
}

/** A response body read chunk by chunk: how much arrived, and the error that cut it, if any. */
async function readBody(response: Response, afterFirstChunk?: () => Promise<void>) {
  const reader = response.body!.getReader();
  const hash = createHash("sha256");
  let received = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (received === 0) await afterFirstChunk?.();
      received += chunk.value.byteLength;
      hash.update(chunk.value);
    }
    return { received, sha256: hash.digest("hex"), error: undefined };
  } catch (error) {
    return { received, sha256: undefined, error: error as Error };
  }
}

/** A PDF (by its magic bytes) of `size` bytes, and a stream of it in 64 KB chunks. */
function largePdf(size: number) {
  const bytes = Buffer.concat([Buffer.from(sampleFiles.pdf("large")), randomBytes(size)]).subarray(0, size);
  const chunks = Array.from({ length: Math.ceil(size / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex"), stream: () => Readable.from(chunks) };
}

describe.each(Object.keys(cases))("storage on %s", (name) => {
  const { driver, overwrite, keys } = cases[name]!;

  it("stores the bytes, records the SHA-256 and serves them back with the download headers", async () => {
    const bytes = sampleFiles.pdf("proof of address");
    const file = await store(bytes, "../../etc/Proof of address:2026.pdf", driver);
    expect(file).toMatchObject({
      driver: name,
      contentType: "application/pdf",
      sizeBytes: bytes.byteLength,
      fileName: "Proof of address_2026.pdf",
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    expect(Buffer.from(await readStoredFile(file, driver)).equals(Buffer.from(bytes))).toBe(true);
    const response = await storedFileResponse(file, "attachment", driver);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="Proof of address_2026.pdf"; filename*=UTF-8''Proof%20of%20address_2026.pdf`,
      "content-security-policy": "sandbox",
      "x-content-type-options": "nosniff",
    });
    expect(await readBody(response)).toEqual({ received: bytes.byteLength, sha256: file.sha256, error: undefined });
  });

  it("streams a file of several upload parts in and out, checked on the way", async () => {
    const big = largePdf(8 * MB); // two parts of S3's minimum 5 MB
    const file = await store(big.stream(), "scan.pdf", driver);
    expect(file).toMatchObject({ sizeBytes: 8 * MB, sha256: big.sha256, contentType: "application/pdf" });
    expect(await readBody(await storedFileResponse(file, "inline", driver))).toMatchObject({ sha256: big.sha256 });
    if (name === "s3") {
      const head = await client!.send(new HeadObjectCommand({ Bucket: BUCKET, Key: file.storageKey }));
      expect(head.ETag).toMatch(/-2"$/); // S3's mark of an object completed from two parts
    }
  });

  it("refuses a stream past the size limit on the way and keeps nothing of it", async () => {
    const before = { rows: await prisma.storedFile.count(), keys: await keys() };
    const limit = process.env.UPLOAD_MAX_BYTES;
    process.env.UPLOAD_MAX_BYTES = String(6 * MB); // past the first 5 MB part, so S3 has a part to abort
    try {
      await expect(store(largePdf(8 * MB).stream(), "huge.pdf", driver)).rejects.toMatchObject({
        code: "TOO_LARGE",
        message: "The file is larger than the limit (6 MB).",
      });
    } finally {
      if (limit === undefined) delete process.env.UPLOAD_MAX_BYTES;
      else process.env.UPLOAD_MAX_BYTES = limit;
    }
    expect(await prisma.storedFile.count()).toBe(before.rows);
    expect(await keys()).toEqual(before.keys);
  });

  it("answers a missing object with NOT_FOUND, not a server error", async () => {
    const file = await store(sampleFiles.png(), "id.png", driver);
    await driver.delete(file.storageKey);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(storedFileResponse(file, "attachment", driver)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readStoredFile(file, driver)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/recorded but missing from storage/));
    logged.mockRestore();
  });

  it("cuts the download and logs it when the stored bytes no longer match their SHA-256", async () => {
    const big = largePdf(1 * MB);
    const file = await store(big.stream(), "contract.pdf", driver);
    const changed = Buffer.from(big.bytes);
    changed[changed.length - 1] ^= 0xff; // same size, one byte different
    await overwrite(file.storageKey, changed);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const download = await readBody(await storedFileResponse(file, "attachment", driver));
    expect(download.error?.message).toMatch(/do not match its recorded SHA-256/);
    expect(download.received).toBeLessThan(file.sizeBytes); // never the whole (changed) file
    await expect(readStoredFile(file, driver)).rejects.toThrow(/SHA-256/);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`${file.id}.*SHA-256`)), "");
    logged.mockRestore();
  });
});

describe("storage settings", () => {
  const env = (vars: Record<string, string>) =>
    readRuntimeEnv({ CLASSOUND_DATA_DIR: root, ...vars } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv);

  it("picks the driver the environment names", async () => {
    expect(driverFor(env({})).name).toBe("local");
    expect(driverFor(env({ S3_BUCKET: "docs", S3_ENDPOINT: "" })).name).toBe("s3");
    if (s3) {
      const configured = driverFor(env(s3.env(BUCKET)));
      await configured.put("from-env", sampleFiles.png(), "image/png");
      expect(Buffer.from(await cases.s3!.driver.get("from-env")).equals(Buffer.from(sampleFiles.png()))).toBe(true);
    }
    expect(env({ S3_BUCKET: "docs", S3_REGION: "" })).toMatchObject({
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: false,
    });
  });

  it("refuses a half-made S3 setting instead of falling back to local disk", () => {
    expect(() => env({ S3_ENDPOINT: "http://minio:9000" })).toThrow(
      /S3_ENDPOINT: S3_ENDPOINT is set but S3_BUCKET is not/,
    );
    expect(() => env({ S3_BUCKET: "docs", S3_ACCESS_KEY_ID: "key" })).toThrow(
      /set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together/,
    );
    expect(() => env({ S3_BUCKET: "docs", UPLOADTHING_TOKEN: "token" })).toThrow(
      /set S3_BUCKET or UPLOADTHING_TOKEN, not both/,
    );
  });
});

describe.skipIf(!s3)("the S3 store going away", () => {
  it("cuts a download in flight with a clear error, and an upload then records nothing", async () => {
    const { driver } = cases.s3!;
    // Several times what the socket buffers held here (about 4 MB arrived after the kill), so the kill
    // reaches the reader mid-file.
    const bytes = randomBytes(16 * MB);
    const file = {
      id: "gone",
      storageKey: "going-away",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      sizeBytes: bytes.byteLength,
      fileName: "big.pdf",
      contentType: "application/pdf",
    };
    await driver.put(file.storageKey, bytes, file.contentType);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const download = await readBody(await storedFileResponse(file, "attachment", driver), () => s3!.kill());
    expect(download.error?.message).toMatch(
      /^Stored file gone \(s3 key going-away\): the store failed after \d+ of the 16777216 recorded bytes$/,
    );
    expect(download.received).toBeLessThan(file.sizeBytes);
    const rows = await prisma.storedFile.count();
    await expect(store(sampleFiles.pdf(), "late.pdf", driver)).rejects.toThrow(/ECONNREFUSED|connect/);
    expect(await prisma.storedFile.count()).toBe(rows);
    logged.mockRestore();
  });
});

describe("file names", () => {
  it("keeps file names safe for headers", () => {
    expect(safeFileName('inv"oice\r\n.pdf', "pdf")).toBe("inv_oice_.pdf");
    expect(safeFileName("Çalışma belgesi.jpg", "jpg")).toBe("Çalışma belgesi.jpg");
  });
});
