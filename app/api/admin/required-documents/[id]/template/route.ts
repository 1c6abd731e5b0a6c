import { revalidatePath } from "next/cache";
import { actorWith } from "@/lib/auth/request-actor";
import { attachTemplate } from "@/lib/catalogue/attach-template";
import { readRuntimeEnv } from "@/lib/config/runtime";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { jsonResult, toActionResult } from "@/lib/http/action-result";

// Uploads go through a route handler, not a server action: actions accept 1 MB bodies at most.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await toActionResult(async () => {
    const actor = await actorWith("catalogue.manage");
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > readRuntimeEnv().UPLOAD_MAX_BYTES + 64 * 1024) throw new AppError("INVALID", "The file is larger than the upload limit.");
    const form = await request.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) throw new AppError("INVALID", "Choose a file to upload.");
    const document = await attachTemplate(db(), actor, id, { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name });
    revalidatePath(`/admin/countries/${document.countryCode}`);
    return { documentId: document.id, templateFile: document.templateFile };
  });
  return jsonResult(result, 201);
}
