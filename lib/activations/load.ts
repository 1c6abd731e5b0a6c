import type { Actor } from "@/lib/auth/actor";
import { assertCanAny, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

type Tx = Pick<Db, "activationRequest">;

/** Who may see activation requests at all: the partners who make them and the admins who review them. */
export const ACTIVATION_READERS = ["activation.request", "activation.review"] as const;

/**
 * A request the actor may see, or NOT_FOUND: an id from another tenant looks exactly like an id
 * that does not exist.
 */
export async function loadActivationRequest<T extends Prisma.ActivationRequestInclude>(
  db: Tx,
  actor: Actor,
  requestId: string,
  include?: T,
) {
  assertCanAny(actor, ACTIVATION_READERS);
  const request = await db.activationRequest.findFirst({
    where: { AND: [scope.activationRequests(actor), { id: requestId }] },
    include,
  });
  if (!request) throw new AppError("NOT_FOUND", "This activation request does not exist.");
  return request as Prisma.ActivationRequestGetPayload<{ include: T }>;
}
