import nodemailer from "nodemailer";
import type { TRuntimeEnv } from "@/lib/config/runtime";
import type { OutboxEmail } from "@/lib/db/generated/client";
import type { RenderedAttachment } from "./attachments";

/** Sends one outbox row with its documents, rendered by the delivery (lib/mail/attachments.ts). */
export type SendMail = (mail: OutboxEmail, attachments?: RenderedAttachment[]) => Promise<void>;

/**
 * Sends over SMTP_URL, or null when it is not set (mail then stays in the outbox, unsent). Timeouts
 * stay well under the delivery lease, so a hung server cannot outlive a sender's claim on a row.
 */
export function smtpSender(env: Pick<TRuntimeEnv, "SMTP_URL" | "MAIL_FROM">): SendMail | null {
  if (!env.SMTP_URL) return null;
  const transport = nodemailer.createTransport(env.SMTP_URL, {
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return async (mail, attachments = []) => {
    await transport.sendMail({
      from: env.MAIL_FROM,
      to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? undefined,
      messageId: mail.messageId,
      headers: { "Auto-Submitted": "auto-generated" },
      attachments: attachments.map(({ filename, contentType, content }) => ({ filename, contentType, content })),
    });
  };
}
