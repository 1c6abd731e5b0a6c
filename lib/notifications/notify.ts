import { portalUrl } from "@/lib/config/portal-url";
import type { Db } from "@/lib/db/client";
import { queueMail } from "@/lib/mail";
import type { MailEvent } from "./mail-events";

export interface NotificationContent {
  title: string;
  body: string;
  /** A portal path ("/activations/…"); mails carry it as an absolute link. */
  link?: string;
  /** Which mail preference governs the e-mail copy; the activation notices that predate it default to "activation". */
  event?: MailEvent;
}

type Tx = Pick<Db, "user" | "notification" | "outboxEmail">;
// mailOptOuts holds only the opt-out of the notice's own event (see `recipient`): empty means "send".
type Recipient = { id: string; email: string; name: string; mailOptOuts: unknown[] };

async function notify(db: Tx, users: Recipient[], content: NotificationContent) {
  if (!users.length) return;
  await db.notification.createMany({
    data: users.map((u) => ({ userId: u.id, title: content.title, body: content.body, link: content.link })),
  });
  await queueMail(
    db,
    users
      .filter((u) => u.mailOptOuts.length === 0)
      .map((u) => ({
        to: u.email,
        toName: u.name,
        subject: content.title,
        body: content.body,
        link: content.link ? { url: portalUrl(content.link), label: "Open in the portal" } : undefined,
      })),
  );
}

const recipient = (event: MailEvent | undefined) => ({
  id: true,
  email: true,
  name: true,
  mailOptOuts: { where: { event: event ?? "activation" }, select: { event: true } },
});

/**
 * In-app notification to every active user of a partner (`adminsOnly`: its administrators), and
 * e-mail to those who want this event's.
 */
export async function notifyPartner(
  db: Tx,
  partnerId: string,
  content: NotificationContent,
  { adminsOnly = false }: { adminsOnly?: boolean } = {},
) {
  const users = await db.user.findMany({
    where: { partnerId, role: "PARTNER", disabledAt: null, ...(adminsOnly ? { isPartnerAdmin: true } : {}) },
    select: recipient(content.event),
  });
  await notify(db, users, content);
}

/** In-app notification to every active admin, and e-mail to those who want this event's. */
export async function notifyAdmins(db: Tx, content: NotificationContent) {
  const users = await db.user.findMany({
    where: { role: "ADMIN", disabledAt: null },
    select: recipient(content.event),
  });
  await notify(db, users, content);
}

/** In-app notification to every active end user of a customer, and e-mail to those who want this event's. */
export async function notifyCustomer(db: Tx, customerId: string, content: NotificationContent) {
  const users = await db.user.findMany({
    where: { customerId, role: "END_USER", disabledAt: null },
    select: recipient(content.event),
  });
  await notify(db, users, content);
}

/** In-app notification and e-mail to one user, if still active (e.g. the admin a ticket is assigned to). */
export async function notifyUser(db: Tx, userId: string, content: NotificationContent) {
  const users = await db.user.findMany({ where: { id: userId, disabledAt: null }, select: recipient(content.event) });
  await notify(db, users, content);
}

/** In-app notification to every active end user of a customer, and e-mail to those who want this event's. */
export async function notifyCustomerUsers(db: Tx, customerId: string, content: NotificationContent) {
  const users = await db.user.findMany({
    where: { customerId, role: "END_USER", disabledAt: null },
    select: recipient(content.event),
  });
  await notify(db, users, content);
}
