import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";
import { sampleFiles } from "@/lib/testing/sample-files";
import { readStoredFile, safeFileName, storeFile } from "./index";
import { localDriver } from "./local-driver";
import { checkUpload } from "./validate-upload";

const { prisma } = await createTestDatabase();
const root = await mkdtemp(path.join(os.tmpdir(), "classound-storage-"));
afterAll(() => rm(root, { recursive: true, force: true }));
const driver = localDriver(root);
const MB = 1024 * 1024;

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
    await expect(
      storeFile(
        prisma,
        { bytes: sampleFiles.png(), fileName: "fake.pdf", partnerId: null, uploadedById: "u1" },
        driver,
      ),
    ).rejects.toThrow(/is a PNG file, but its name says PDF/);
  });

  it("refuses empty and oversized files with the limit in the message", async () => {
    expect(await checkUpload(new Uint8Array(), MB)).toEqual({ ok: false, message: "The file is empty." });
    const big = new Uint8Array(2 * MB + 1);
    big.set(sampleFiles.pdf());
    expect(await checkUpload(big, 2 * MB)).toEqual({ ok: false, message: "The file is 2.0 MB; the limit is 2 MB." });
  });
});

describe("storeFile", () => {
  it("stores the bytes, records the SHA-256 and reads them back", async () => {
    const bytes = sampleFiles.pdf("proof of address");
    const file = await storeFile(
      prisma,
      { bytes, fileName: "../../etc/Proof of address:2026.pdf", partnerId: null, uploadedById: "u1" },
      driver,
    );
    expect(file).toMatchObject({
      driver: "local",
      contentType: "application/pdf",
      sizeBytes: bytes.byteLength,
      fileName: "Proof of address_2026.pdf",
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(await readStoredFile(file, driver)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("stores nothing when the file is refused", async () => {
    const before = await prisma.storedFile.count();
    await expect(
      storeFile(prisma, { bytes: sampleFiles.exe(), fileName: "x.pdf", partnerId: null, uploadedById: "u1" }, driver),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect(await prisma.storedFile.count()).toBe(before);
  });

  it("detects a file changed on disk after upload", async () => {
    const file = await storeFile(
      prisma,
      { bytes: sampleFiles.png(), fileName: "id.png", partnerId: null, uploadedById: "u1" },
      driver,
    );
    const dir = path.join(root, file.storageKey.slice(0, 2));
    expect(await readdir(dir)).toContain(file.storageKey);
    await writeFile(path.join(dir, file.storageKey), sampleFiles.jpeg());
    await expect(readStoredFile(file, driver)).rejects.toThrow(/SHA-256/);
  });

  it("keeps file names safe for headers", () => {
    expect(safeFileName('inv"oice\r\n.pdf', "pdf")).toBe("inv_oice_.pdf");
    expect(safeFileName("Çalışma belgesi.jpg", "jpg")).toBe("Çalışma belgesi.jpg");
  });
});
