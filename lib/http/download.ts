/**
 * Headers for a file sent to the browser: an ASCII `filename=` for clients that ignore RFC 5987 next
 * to the exact UTF-8 `filename*`; a sandbox CSP so a file opened in a tab can run nothing, even if it
 * were HTML; never cached by shared caches. A file generated as it is sent (a stream) has no size yet.
 */
export function downloadHeaders(
  file: { fileName: string; contentType: string; sizeBytes?: number },
  disposition: "inline" | "attachment",
) {
  const ascii =
    file.fileName
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "_")
      .trim() || "download";
  return {
    "Content-Type": file.contentType,
    ...(file.sizeBytes === undefined ? {} : { "Content-Length": String(file.sizeBytes) }),
    "Content-Disposition": `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "Content-Security-Policy": "sandbox",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}
