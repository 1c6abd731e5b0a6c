import { z } from "zod";

// R15: what every SMS the portal sends or validates must satisfy.
export const SMS_MAX_CHARACTERS = 670;

/** E.164: "+", a country code that does not start with 0, at most 15 digits in all. */
export const ZE164Recipient = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{1,14}$/, "Enter the recipient in international E.164 form, e.g. +447700900123.");

export const ZSmsText = z
  .string()
  .min(1, "Write the message.")
  .refine(
    (text) => Array.from(text).length <= SMS_MAX_CHARACTERS,
    `A message has at most ${SMS_MAX_CHARACTERS} characters.`,
  );

export const ZSmsMessage = z.object({ to: ZE164Recipient, text: ZSmsText });
export type TSmsMessage = z.output<typeof ZSmsMessage>;
