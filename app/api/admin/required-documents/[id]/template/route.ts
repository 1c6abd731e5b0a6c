import { revalidatePath } from "next/cache";
import { actorWith } from "@/lib/auth/request-actor";
import { attachTemplate } from "@/lib/catalogue/attach-template";
import { db } from "@/lib/db/client";
import { jsonResult, toActionResult } from "@/lib/http/action-result";
import { readUploadedFile } from "@/lib/http/uploaded-file";

// Uploads go through a route handler, not a server action: actions accept 1 MB bodies at most.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await toActionResult(async () => {
    const actor = await actorWith("catalogue.manage");
    const document = await attachTemplate(db(), actor, id, await readUploadedFile(request));
    revalidatePath(`/admin/countries/${document.countryCode}`);
    return { documentId: document.id, templateFile: document.templateFile };
  });
  return jsonResult(result, 201);
}
