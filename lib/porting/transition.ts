import type { Actor } from "@/lib/auth/actor";
import { assertCanTakePortingStep } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { PortingStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { nextStatus, type PortingAction } from "./transitions";

type Tx = Pick<Db, "portingRequest" | "portingEvent" | "auditLog">;

const STATUS_WORDS: Record<PortingStatus, string> = {
  SUBMITTED: "submitted",
  IN_PROGRESS: "in progress",
  SCHEDULED: "scheduled",
  COMPLETED: "completed",
  REJECTED: "rejected",
  CANCELLED: "cancelled",
};

const ACTION_WORDS: Record<PortingAction, string> = {
  start: "taken in hand",
  schedule: "scheduled",
  complete: "completed",
  reject: "rejected",
  cancel: "cancelled",
};

/**
 * Moves a request one step, only if it is still at the status and version the caller read (of two
 * admins acting at once, one wins and the other is told to reload), and writes the step to the
 * timeline and the audit log in the same transaction.
 */
export async function transitionPortingRequest(
  tx: Tx,
  actor: Actor,
  request: { id: string; status: PortingStatus },
  expectedVersion: number,
  action: PortingAction,
  step: {
    message: string;
    data?: Omit<Prisma.PortingRequestUpdateManyMutationInput, "status" | "version">;
    detail?: Prisma.InputJsonValue;
  },
): Promise<PortingStatus> {
  assertCanTakePortingStep(actor, action);
  const to = nextStatus(request.status, action);
  if (!to)
    throw new AppError(
      "CONFLICT",
      `This request is ${STATUS_WORDS[request.status]}, so it cannot be ${ACTION_WORDS[action]} now.`,
    );
  const { count } = await tx.portingRequest.updateMany({
    where: { id: request.id, version: expectedVersion, status: request.status },
    data: { ...step.data, status: to, version: { increment: 1 } },
  });
  if (count === 0)
    throw new AppError("CONFLICT", "Someone else changed this request meanwhile. Reload it to see the current state.");
  await recordPortingEvent(tx, request.id, actor.userId, action, step.message);
  await recordAudit(tx, {
    actorId: actor.userId,
    action: `porting.${action}`,
    entityType: "PortingRequest",
    entityId: request.id,
    detail: step.detail,
  });
  return to;
}

/** One line of a request's timeline: who did what, when. */
export async function recordPortingEvent(
  tx: Pick<Db, "portingEvent">,
  requestId: string,
  actorId: string | null,
  type: string,
  message: string,
) {
  await tx.portingEvent.create({ data: { requestId, actorId, type, message } });
}
