import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";

/** The actor's own notifications, newest first: scoped by user id, so nobody reads another's. */
export function listNotifications(db: Db, actor: Actor, take = 50) {
  return db.notification.findMany({ where: { userId: actor.userId }, orderBy: { createdAt: "desc" }, take });
}

export function unreadNotificationCount(db: Db, actor: Actor) {
  return db.notification.count({ where: { userId: actor.userId, readAt: null } });
}

export async function markNotificationsRead(db: Db, actor: Actor, ids?: string[]) {
  await db.notification.updateMany({
    where: { userId: actor.userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
}
