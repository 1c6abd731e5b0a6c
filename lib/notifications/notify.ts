import type { Db } from "@/lib/db/client";
import { queueMail } from "@/lib/mail";

export interface NotificationContent {
  title: string;
  body: string;
  link?: string;
}

type Tx = Pick<Db, "user" | "notification" | "outboxEmail">;

async function notify(db: Tx, users: { id: string; email: string }[], content: NotificationContent) {
  if (!users.length) return;
  await db.notification.createMany({ data: users.map((u) => ({ userId: u.id, ...content })) });
  await queueMail(
    db,
    users.map((u) => ({ to: u.email, subject: `CLASSOUND: ${content.title}`, text: `${content.body}${content.link ? `\n\nOpen: ${content.link}` : ""}` })),
  );
}

/** In-app notification and e-mail to every active user of a partner. */
export async function notifyPartner(db: Tx, partnerId: string, content: NotificationContent) {
  const users = await db.user.findMany({ where: { partnerId, role: "PARTNER", disabledAt: null }, select: { id: true, email: true } });
  await notify(db, users, content);
}

/** In-app notification and e-mail to every active admin. */
export async function notifyAdmins(db: Tx, content: NotificationContent) {
  const users = await db.user.findMany({ where: { role: "ADMIN", disabledAt: null }, select: { id: true, email: true } });
  await notify(db, users, content);
}

/** In-app notification and e-mail to one user, if still active (e.g. the admin a ticket is assigned to). */
export async function notifyUser(db: Tx, userId: string, content: NotificationContent) {
  const users = await db.user.findMany({ where: { id: userId, disabledAt: null }, select: { id: true, email: true } });
  await notify(db, users, content);
}
