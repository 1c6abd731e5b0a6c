import { revalidatePath } from "next/cache";
import { z } from "zod";
import { attachTemplate } from "@/lib/catalogue/attach-template";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { readUploadedFile } from "@/lib/http/uploaded-file";

// Uploads go through a route handler, not a server action: actions accept 1 MB bodies at most.
export const POST = route(
  { permission: "catalogue.manage", params: z.object({ id: ZId }), okStatus: 201 },
  async ({ request, params, actor, db }) => {
    const document = await attachTemplate(db, actor, params.id, await readUploadedFile(request));
    revalidatePath(`/admin/countries/${document.countryCode}`);
    return { documentId: document.id, templateFile: document.templateFile };
  },
);
