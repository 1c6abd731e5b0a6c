import { revalidatePath } from "next/cache";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { readUploadedFile } from "@/lib/http/uploaded-file";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { attachToTicket } from "@/lib/tickets/reply";

/**
 * One upload handler for both sides of a ticket; each side has its own route because a route holds
 * one permission. Files go through a route handler, not a server action: actions accept 1 MB at most.
 */
export async function attachUploadedFile({
  request,
  params,
  actor,
  db,
}: {
  request: Request;
  params: { id: string };
  actor: Actor;
  db: Db;
}) {
  const message = await attachToTicket(db, actor, { ticketId: params.id, ...(await readUploadedFile(request)) });
  await requestMailDelivery();
  revalidatePath(can(actor, "tickets.handle") ? `/admin/tickets/${params.id}` : `/tickets/${params.id}`);
  return { messageId: message.id, fileId: message.fileId };
}
