import type { Db } from "@/lib/db/client";

/**
 * A document a mail carries, named in the outbox row (`OutboxEmail.attachments`) and rendered when
 * the mail is sent: the outbox never stores a second copy of a PDF, and a resend renders it again
 * from the same frozen document.
 */
export interface AttachmentRef {
  kind: AttachmentKind;
  id: string;
}

export interface RenderedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export type AttachmentRenderer = (db: Db, id: string) => Promise<RenderedAttachment>;

/**
 * Each kind's renderer, imported when first used: the mail worker loads a PDF renderer (and its
 * fonts) only once a mail needs it.
 */
export const ATTACHMENT_RENDERERS = {
  "invoice-pdf": async (db, id) => (await import("@/lib/billing/mail-attachments")).invoicePdfAttachment(db, id),
  "credit-note-pdf": async (db, id) => (await import("@/lib/billing/mail-attachments")).creditNotePdfAttachment(db, id),
} satisfies Record<string, AttachmentRenderer>;

export type AttachmentKind = keyof typeof ATTACHMENT_RENDERERS;

/**
 * The row's attachments, rendered. An unknown kind or a document that cannot be rendered throws:
 * the delivery records the error and retries rather than send the mail without what it announces.
 */
export async function renderAttachments(
  db: Db,
  refs: unknown,
  renderers: Record<string, AttachmentRenderer> = ATTACHMENT_RENDERERS,
): Promise<RenderedAttachment[]> {
  if (refs == null) return [];
  if (!Array.isArray(refs)) throw new Error("The mail's attachments are not a list");
  const rendered: RenderedAttachment[] = [];
  for (const ref of refs as Partial<AttachmentRef>[]) {
    const render = typeof ref?.kind === "string" && Object.hasOwn(renderers, ref.kind) ? renderers[ref.kind] : null;
    if (!render || typeof ref.id !== "string") throw new Error(`Cannot render the attachment ${JSON.stringify(ref)}`);
    rendered.push(await render(db, ref.id));
  }
  return rendered;
}
