import type { ActionResult } from "@/lib/http/action-result";

/**
 * Sends one file as the `file` field of a multipart POST to a route handler (server actions cap
 * bodies at 1 MB) and reads its ActionResult; a broken connection or a non-JSON answer becomes a
 * failure with a message for the user.
 */
export async function postFile<T>(url: string, file: File): Promise<ActionResult<T>> {
  const body = new FormData();
  body.set("file", file);
  try {
    const response = await fetch(url, { method: "POST", body });
    const result = (await response.json().catch(() => null)) as ActionResult<T> | null;
    return result ?? { ok: false, error: "The upload failed. Try again.", code: "INTERNAL" };
  } catch {
    return { ok: false, error: "The upload was interrupted. Check the connection and try again.", code: "INTERNAL" };
  }
}
