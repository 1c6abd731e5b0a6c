import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { storedFileResponse } from "@/lib/storage/download";
import { loadReadableFile } from "@/lib/storage/file-access";

// Files are never served from a public folder: every read is authorized here. `?view=1` shows a
// PDF or image in the browser: its type was verified by content at upload, and nosniff keeps it so.
// The bytes stream from the store through the SHA-256 check (lib/storage/verified-read.ts).
export const GET = route(
  { permission: "file.read", params: z.object({ id: ZId }) },
  async ({ request, params, actor, db }) => {
    const file = await loadReadableFile(db, actor, params.id);
    const inline = new URL(request.url).searchParams.get("view") === "1";
    const response = await storedFileResponse(file, inline ? "inline" : "attachment");
    await recordAudit(db, {
      actorId: actor.userId,
      action: "file.read",
      entityType: "StoredFile",
      entityId: file.id,
    }).catch(async (error: unknown) => {
      await response.body?.cancel(); // releases the store's connection
      throw error;
    });
    return response;
  },
);
