import { Readable } from "node:stream";
import { downloadHeaders } from "@/lib/http/download";
import { storageDriver } from "./configured";
import { openStoredFile, type RecordedFile } from "./verified-read";

/**
 * The response of an authorized download (the caller has checked the policy): the file streamed from
 * its driver through the SHA-256 check, with the portal's download headers (sandbox CSP, nosniff,
 * RFC 6266 names) and the recorded length, so a download cut by a failed check is visibly short.
 * Never a redirect to the store: every byte passes through the portal.
 */
export async function storedFileResponse(
  file: RecordedFile & { sizeBytes: number; fileName: string; contentType: string },
  disposition: "inline" | "attachment",
  driver = storageDriver(),
) {
  const body = await openStoredFile(file, driver);
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: downloadHeaders(file, disposition),
  });
}
