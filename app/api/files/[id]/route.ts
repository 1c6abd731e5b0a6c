import { recordAudit } from "@/lib/audit/record";
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readStoredFile } from "@/lib/storage";
import { loadReadableFile } from "@/lib/storage/file-access";

// Files are never served from a public folder: every read is authorized here. `?view=1` shows a
// PDF or image in the browser: its type was verified by content at upload, and nosniff keeps it so.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to download this file.", { status: 401 });
  try {
    const file = await loadReadableFile(db(), actor, (await params).id);
    const bytes = await readStoredFile(file);
    const inline = new URL(request.url).searchParams.get("view") === "1";
    await recordAudit(db(), { actorId: actor.userId, action: "file.read", entityType: "StoredFile", entityId: file.id });
    return new Response(Buffer.from(bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(bytes.byteLength),
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return new Response(error.message, { status: 404 });
    throw error;
  }
}
