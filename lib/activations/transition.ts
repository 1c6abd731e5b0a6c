import type { Actor } from "@/lib/auth/actor";
import { assertCanTakeStep } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { ActivationStatus } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { nextStatus, type ActivationAction } from "./transitions";

const STATUS_WORDS: Record<ActivationStatus, string> = {
  DRAFT: "a draft",
  SUBMITTED: "submitted",
  IN_REVIEW: "in review",
  CHANGES_REQUESTED: "waiting for changes",
  APPROVED: "approved",
  REJECTED: "rejected",
};

const ACTION_WORDS: Record<ActivationAction, string> = {
  submit: "submitted",
  resubmit: "resubmitted",
  start_review: "taken into review",
  approve: "approved",
  reject: "rejected",
  request_changes: "sent back for changes",
};

/**
 * Moves a request along the workflow only if it is still at the version the caller read:
 * of two admins acting at once, exactly one wins and the other is told to reload.
 */
export async function transitionActivationRequest(
  db: Pick<Db, "activationRequest">,
  actor: Actor,
  request: { id: string; status: ActivationStatus },
  expectedVersion: number,
  action: ActivationAction,
  data: Omit<Prisma.ActivationRequestUpdateManyMutationInput, "status" | "version"> = {},
): Promise<ActivationStatus> {
  assertCanTakeStep(actor, action);
  const to = nextStatus(request.status, action);
  if (!to)
    throw new AppError(
      "CONFLICT",
      `This request is ${STATUS_WORDS[request.status]}, so it cannot be ${ACTION_WORDS[action]} now.`,
    );
  const { count } = await db.activationRequest.updateMany({
    where: { id: request.id, version: expectedVersion, status: request.status },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (count === 0)
    throw new AppError("CONFLICT", "Someone else changed this request meanwhile. Reload it to see the current state.");
  return to;
}

/** Refuses a write to a request another tab or user has changed since it was read. */
export async function bumpActivationVersion(
  db: Pick<Db, "activationRequest">,
  requestId: string,
  expectedVersion: number,
) {
  const { count } = await db.activationRequest.updateMany({
    where: { id: requestId, version: expectedVersion },
    data: { version: { increment: 1 } },
  });
  if (count === 0) throw new AppError("CONFLICT", "This request was changed in another window. Reload it to continue.");
}
