import { describe, expect, it } from "vitest";
import { downloadHeaders } from "./download";
import { isSameOrigin } from "./origin";
import { readUploadedFile } from "./uploaded-file";

const LIMIT = 10 * 1024 * 1024;

describe("Origin check of state-changing route handlers", () => {
  const post = (origin?: string) =>
    new Request("http://localhost:3000/api/activations/x/documents/y", {
      method: "POST",
      headers: { host: "localhost:3000", ...(origin === undefined ? {} : { origin }) },
    });

  it("accepts the portal's own origin only", () => {
    expect(isSameOrigin(post("http://localhost:3000"))).toBe(true);
    expect(isSameOrigin(post("https://evil.example"))).toBe(false);
    expect(isSameOrigin(post("null"))).toBe(false);
    expect(isSameOrigin(post())).toBe(false);
    expect(isSameOrigin(post("http://localhost:3000.evil.example"))).toBe(false);
  });
});

function multipart(fileBytes: Uint8Array, fileName = "doc.pdf") {
  const form = new FormData();
  form.set("file", new File([fileBytes as Uint8Array<ArrayBuffer>], fileName, { type: "application/pdf" }));
  return new Request("http://localhost/upload", { method: "POST", body: form });
}

/** A request whose body streams in, declaring no length: the limit must hold while reading. */
function streamed(totalBytes: number, contentType = "multipart/form-data; boundary=x") {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new Uint8Array(Math.min(1024 * 1024, totalBytes - sent));
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const request = new Request("http://localhost/upload", {
    method: "POST",
    body,
    headers: { "content-type": contentType },
    duplex: "half",
  } as RequestInit);
  return { request, sent: () => sent };
}

describe("reading an upload within the documented limit", () => {
  it("accepts a file of exactly the limit", async () => {
    const bytes = new Uint8Array(LIMIT).fill(0x25);
    const file = await readUploadedFile(multipart(bytes));
    expect(file.bytes.byteLength).toBe(LIMIT);
  });

  it("refuses a file one byte over the limit with the limit in words", async () => {
    await expect(readUploadedFile(multipart(new Uint8Array(LIMIT + 1)))).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: "The file is larger than the limit (10 MB).",
    });
  });

  it("stops reading a body that keeps coming without a declared length", async () => {
    const { request, sent } = streamed(40 * 1024 * 1024);
    await expect(readUploadedFile(request)).rejects.toMatchObject({ code: "TOO_LARGE" });
    expect(sent()).toBeLessThan(20 * 1024 * 1024);
  });

  it("says a cut-off body is cut off, not that no file was chosen", async () => {
    const full = await multipart(new Uint8Array(5000)).arrayBuffer();
    const type = multipart(new Uint8Array(1)).headers.get("content-type")!;
    const cut = new Request("http://localhost/upload", {
      method: "POST",
      body: full.slice(0, 3000),
      headers: { "content-type": type },
    });
    await expect(readUploadedFile(cut)).rejects.toMatchObject({
      code: "INVALID",
      message: expect.stringContaining("cut off"),
    });
  });
});

describe("download headers", () => {
  it("give an ASCII fallback name beside the exact UTF-8 one, and sandbox the file", () => {
    const headers = downloadHeaders(
      { fileName: 'Déclaration Curaçao "2026".pdf', contentType: "application/pdf", sizeBytes: 10 },
      "attachment",
    );
    expect(headers["Content-Disposition"]).toBe(
      `attachment; filename="Declaration Curacao _2026_.pdf"; filename*=UTF-8''D%C3%A9claration%20Cura%C3%A7ao%20%222026%22.pdf`,
    );
    expect(headers["Content-Security-Policy"]).toBe("sandbox");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });
});
