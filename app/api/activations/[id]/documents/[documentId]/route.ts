import { revalidatePath } from "next/cache";
import { z } from "zod";
import { uploadActivationDocument } from "@/lib/activations/upload-document";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { readUploadedFile } from "@/lib/http/uploaded-file";

// Uploads go through a route handler, not a server action: actions accept 1 MB bodies at most.
export const POST = route(
  { permission: "activation.request", params: z.object({ id: ZId, documentId: ZId }), okStatus: 201 },
  async ({ request, params, actor, db }) => {
    const document = await uploadActivationDocument(db, actor, {
      requestId: params.id,
      documentId: params.documentId,
      ...(await readUploadedFile(request)),
    });
    revalidatePath(`/activations/${params.id}`);
    return { documentId: document.id, file: document.file };
  },
);
