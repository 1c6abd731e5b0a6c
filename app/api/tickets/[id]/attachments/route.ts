import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { attachUploadedFile } from "../../attach";

/** A partner attaches a file to its ticket. */
export const POST = route(
  { permission: "tickets.use", params: z.object({ id: ZId }), okStatus: 201 },
  attachUploadedFile,
);
