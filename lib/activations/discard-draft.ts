import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { loadActivationRequest } from "./load";

/**
 * Discards a draft the partner no longer wants: the request, its document slots and its timeline go
 * (nobody at the operator has seen it), only if it is still a draft at the version the partner read.
 * The audit entry keeps who discarded which PBX's draft. Uploaded files stay stored: an upload may
 * be a compliance document the customer's next request reuses, and their own audit entries name them.
 */
export async function discardActivationDraft(db: Db, actor: Actor, requestId: string, version: number) {
  assertCanChange(actor, "activation.request");
  return db.$transaction(async (tx) => {
    const request = await loadActivationRequest(tx, actor, requestId, { pbx: { select: { name: true } } });
    if (request.status !== "DRAFT")
      throw new AppError("CONFLICT", "Only a draft can be discarded; this request has been submitted.");
    // Documents and events go with it (ON DELETE CASCADE).
    const { count } = await tx.activationRequest.deleteMany({
      where: { id: request.id, status: "DRAFT", version },
    });
    if (count === 0)
      throw new AppError("CONFLICT", "Someone else changed this draft meanwhile. Reload it to see the current state.");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "activation.discarded",
      entityType: "Pbx",
      entityId: request.pbxId,
      detail: { requestId: request.id, pbxName: request.pbx.name },
    });
    return { pbxId: request.pbxId };
  });
}
