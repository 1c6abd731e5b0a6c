import { z } from "zod";
import { creditNoteFileName, creditNotePdf } from "@/lib/billing/documents/credit-note-pdf";
import { readableCreditNote } from "@/lib/billing/queries";
import { downloadHeaders } from "@/lib/http/download";
import { ZId } from "@/lib/http/ids";
import { route } from "@/lib/http/route";

// Authorised through the actor's scope first: another partner's credit note is the 404 of a missing one.
export const GET = route(
  { permission: "invoices.view", params: z.object({ id: ZId }) },
  async ({ params, actor, db }) => {
    const note = await readableCreditNote(db, actor, params.id);
    const bytes = await creditNotePdf(db, note.id);
    return new Response(new Uint8Array(bytes), {
      headers: downloadHeaders(
        { fileName: creditNoteFileName(note), contentType: "application/pdf", sizeBytes: bytes.byteLength },
        "attachment",
      ),
    });
  },
);
