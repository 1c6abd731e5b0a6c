import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { downloadHeaders } from "@/lib/http/download";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { readStoredFile } from "@/lib/storage";
import { loadReadableFile } from "@/lib/storage/file-access";

// Files are never served from a public folder: every read is authorized here. `?view=1` shows a
// PDF or image in the browser: its type was verified by content at upload, and nosniff keeps it so.
export const GET = route(
  { permission: "file.read", params: z.object({ id: ZId }) },
  async ({ request, params, actor, db }) => {
    const file = await loadReadableFile(db, actor, params.id);
    const bytes = await readStoredFile(file);
    const inline = new URL(request.url).searchParams.get("view") === "1";
    await recordAudit(db, { actorId: actor.userId, action: "file.read", entityType: "StoredFile", entityId: file.id });
    return new Response(Buffer.from(bytes), {
      headers: downloadHeaders({ ...file, sizeBytes: bytes.byteLength }, inline ? "inline" : "attachment"),
    });
  },
);
