import { revalidatePath } from "next/cache";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { readUploadedForm } from "@/lib/http/uploaded-file";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { submitPortingRequest } from "@/lib/porting/submit";

// A route handler, not a server action: the letter of authorization can exceed an action's 1 MB body,
// and the request and its file are created together from one multipart form. A static route gets no
// params object from Next, hence the optional schema.
export const POST = route(
  { permission: "porting.request", params: z.object({}), okStatus: 201 },
  async ({ request, actor, db }) => {
    const { file, fields } = await readUploadedForm(request, "loa");
    const created = await submitPortingRequest(db, actor, fields, file);
    await requestMailDelivery();
    revalidatePath(`/pbxs/${created.pbxId}`);
    return { id: created.id };
  },
);
