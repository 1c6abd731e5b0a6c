import { z } from "zod";
import { prefilledTemplate } from "@/lib/activations/prefilled-template";
import { downloadHeaders } from "@/lib/http/download";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";

// The template of a request's document, filled in with what the portal knows about the customer and PBX.
export const GET = route(
  { permission: "file.read", params: z.object({ id: ZId, documentId: ZId }) },
  async ({ params, actor, db }) => {
    const { file, bytes } = await prefilledTemplate(db, actor, params.id, params.documentId);
    return new Response(Buffer.from(bytes), {
      headers: downloadHeaders({ ...file, sizeBytes: bytes.byteLength }, "attachment"),
    });
  },
);
