import { revalidatePath } from "next/cache";
import { uploadActivationDocument } from "@/lib/activations/upload-document";
import { actorWith } from "@/lib/auth/request-actor";
import { db } from "@/lib/db/client";
import { jsonResult, toActionResult } from "@/lib/http/action-result";
import { readUploadedFile } from "@/lib/http/uploaded-file";

// Uploads go through a route handler, not a server action: actions accept 1 MB bodies at most.
export async function POST(request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const { id, documentId } = await params;
  const result = await toActionResult(async () => {
    const actor = await actorWith("activation.request");
    const document = await uploadActivationDocument(db(), actor, { requestId: id, documentId, ...(await readUploadedFile(request)) });
    revalidatePath(`/activations/${id}`);
    return { documentId: document.id, file: document.file };
  });
  return jsonResult(result, 201);
}
