import type { Db } from "@/lib/db/client";

type Tx = Pick<Db, "activationEvent">;

/** One line of a request's timeline: who did what, when. */
export async function recordActivationEvent(
  db: Tx,
  requestId: string,
  actorId: string | null,
  type: string,
  message: string,
) {
  await db.activationEvent.create({ data: { requestId, actorId, type, message } });
}
