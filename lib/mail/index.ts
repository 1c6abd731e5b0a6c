import { after } from "next/server";
import nodemailer from "nodemailer";
import { readRuntimeEnv } from "@/lib/config/runtime";
import type { Db } from "@/lib/db/client";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Every e-mail is written to the outbox table, which admins can read. With SMTP_URL set it is also
 * sent, after the transaction that queued it (the caller's), by `unsafeDeliverOutbox`.
 */
export async function queueMail(db: Pick<Db, "outboxEmail">, mails: Mail[]) {
  if (mails.length) await db.outboxEmail.createMany({ data: mails });
}

/** Sends queued mails of every tenant over SMTP when SMTP_URL is set (a job, not a request: hence unscoped); a no-op otherwise. */
export async function unsafeDeliverOutbox(db: Db, limit = 50) {
  const env = readRuntimeEnv();
  if (!env.SMTP_URL) return 0;
  const transport = nodemailer.createTransport(env.SMTP_URL);
  const pending = await db.outboxEmail.findMany({ where: { sentAt: null, error: null }, orderBy: { createdAt: "asc" }, take: limit });
  for (const mail of pending) {
    try {
      await transport.sendMail({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
      await db.outboxEmail.update({ where: { id: mail.id }, data: { sentAt: new Date() } });
    } catch (error) {
      await db.outboxEmail.update({ where: { id: mail.id }, data: { error: String(error).slice(0, 500) } });
    }
  }
  return pending.length;
}

/**
 * After the response is sent, hands queued mail to SMTP (when configured). Called by actions whose
 * transaction queued mail, so a slow mail server never delays or fails the user's action.
 */
export function deliverOutboxLater(db: Db) {
  after(async () => {
    try {
      await unsafeDeliverOutbox(db);
    } catch (error) {
      console.error("Mail delivery failed", error);
    }
  });
}
