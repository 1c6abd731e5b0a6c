import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { parseOrThrow } from "@/lib/errors";
import { MAIL_EVENT_KEYS, mailEventsFor } from "./mail-events";

export const ZMailPreferences = z.object({ enabled: z.array(z.enum(MAIL_EVENT_KEYS)) });
export type TMailPreferences = z.infer<typeof ZMailPreferences>;

/** The mail events of the actor's role, each with whether the actor receives it (everything, until they opt out). */
export async function mailPreferences(db: Db, actor: Actor) {
  assertCan(actor, "notifications.view");
  const optOuts = await db.mailOptOut.findMany({ where: { userId: actor.userId }, select: { event: true } });
  return mailEventsFor(actor.role).map((event) => ({ ...event, enabled: !optOuts.some((o) => o.event === event.key) }));
}

/** Stores the actor's own choice (keyed by their user id: nobody sets another's). */
export async function saveMailPreferences(db: Db, actor: Actor, input: unknown) {
  assertCan(actor, "notifications.view");
  const { enabled } = parseOrThrow(ZMailPreferences, input);
  const declined = mailEventsFor(actor.role)
    .map((event) => event.key)
    .filter((key) => !enabled.includes(key));
  await db.$transaction([
    db.mailOptOut.deleteMany({ where: { userId: actor.userId } }),
    db.mailOptOut.createMany({ data: declined.map((event) => ({ userId: actor.userId, event })) }),
  ]);
}
