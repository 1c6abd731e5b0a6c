import { Readable } from "node:stream";
import { downloadHeaders } from "@/lib/http/download";

/**
 * A file as an API answer (an endpoint with `file`): the same headers as the portal's downloads
 * (RFC 6266 names, nosniff, a sandbox CSP, never stored by a cache), and a stream passed on as its
 * writer produces it, so a large document's first bytes leave before its last are written. Everything
 * that can refuse the request must have run before this: once streaming, the 200 is sent.
 */
export function fileAnswer(file: { fileName: string; contentType: string; body: Readable | string }): Response {
  if (typeof file.body === "string") {
    const bytes = new TextEncoder().encode(file.body);
    return new Response(bytes, { headers: downloadHeaders({ ...file, sizeBytes: bytes.byteLength }, "attachment") });
  }
  return new Response(Readable.toWeb(file.body) as ReadableStream, {
    headers: downloadHeaders({ fileName: file.fileName, contentType: file.contentType }, "attachment"),
  });
}
