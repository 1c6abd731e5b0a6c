import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";
import { attachUploadedFile } from "../../attach";

/** Support attaches a file to any ticket. */
export const POST = route(
  { permission: "tickets.handle", params: z.object({ id: ZId }), okStatus: 201 },
  attachUploadedFile,
);
