import type { Actor } from "@/lib/auth/actor";
import { assertCanAny, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";

/** Partners follow their requests; the operator's admins handle everyone's. End users hold neither. */
export const PORTING_READERS = ["porting.request", "porting.handle"] as const;

/** A request the actor may see, or NOT_FOUND: another partner's request looks exactly like a missing one. */
export async function loadPortingRequest<T extends Prisma.PortingRequestInclude>(
  db: Pick<Db, "portingRequest">,
  actor: Actor,
  requestId: string,
  include?: T,
) {
  assertCanAny(actor, PORTING_READERS);
  const request = await db.portingRequest.findFirst({
    where: { AND: [scope.portingRequests(actor), { id: requestId }] },
    include,
  });
  if (!request) throw new AppError("NOT_FOUND", "This porting request does not exist.");
  return request as Prisma.PortingRequestGetPayload<{ include: T }>;
}

/** Where each side reads a request. */
export function portingPath(requestId: string, side: "partner" | "admin") {
  return side === "partner" ? `/porting/${requestId}` : `/admin/porting/${requestId}`;
}
