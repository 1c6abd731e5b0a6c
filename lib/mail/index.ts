import { randomUUID } from "node:crypto";
import { readRuntimeEnv } from "@/lib/config/runtime";
import type { Db } from "@/lib/db/client";
import type { AttachmentRef } from "./attachments";
import { mailHtml, mailText, type MailContent } from "./compose";

export interface Mail extends MailContent {
  to: string;
  toName?: string;
  subject: string;
  /** Documents rendered when the mail is sent (lib/mail/attachments.ts), e.g. an invoice's PDF. */
  attachments?: AttachmentRef[];
}

/** The Message-ID's domain is the portal's host, so ids of different installations never collide. */
function newMessageId(env = readRuntimeEnv()) {
  const host = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).hostname : "localhost";
  return `<${randomUUID()}@${host}>`;
}

/**
 * Writes mails to the outbox, in the caller's transaction. The outbox is the queue's source of
 * truth: the job worker sends what is pending (lib/mail/delivery.ts); the caller asks for a prompt
 * run with `requestMailDelivery` after its transaction commits.
 */
export async function queueMail(db: Pick<Db, "outboxEmail">, mails: Mail[]) {
  if (!mails.length) return;
  await db.outboxEmail.createMany({
    data: mails.map((mail) => ({
      to: mail.to,
      toName: mail.toName,
      subject: mail.subject,
      text: mailText(mail),
      html: mailHtml(mail),
      messageId: newMessageId(),
      attachments: mail.attachments?.length ? mail.attachments.map(({ kind, id }) => ({ kind, id })) : undefined,
    })),
  });
}
