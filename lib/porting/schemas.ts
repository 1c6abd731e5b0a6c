import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { parsePortingNumbers, splitNumbers } from "./numbers";

const ZText = (what: string, max = 200) =>
  z.string().trim().min(2, `Enter the ${what}.`).max(max, `At most ${max} characters.`);

const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * A port-in request as the partner's form sends it and the server checks it: the numbers as typed
 * (one per line) become E.164 rows of one country. The letter of authorization travels beside it as
 * the upload's file.
 */
export const ZSubmitPorting = z.object({
  pbxId: ZId,
  numbers: z
    .string()
    .max(10_000, "Too much text for the numbers field.")
    .transform((text, ctx) => {
      const parsed = parsePortingNumbers(splitNumbers(text));
      if (parsed.ok) return parsed.numbers;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
  currentOperator: ZText("current operator"),
  accountHolder: ZText("account holder, as on the operator's contract"),
  requestedDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date you would like.")
    .refine((d) => !Number.isNaN(Date.parse(d)), "Choose the date you would like.")
    .refine((d) => d >= todayUtc(), "The requested date cannot be in the past."),
});
export type TSubmitPorting = z.input<typeof ZSubmitPorting>;

/** A step on a request the caller has read at `version`. */
export const ZPortingStep = z.object({ requestId: ZId, version: z.number().int().min(0) });

/** The switch time as the admin's form gives it (a datetime-local value, read as UTC like every time the portal shows). */
export const utcMinute = (value: string) => new Date(`${value}:00Z`);

/**
 * The date and time incoming calls switch. Kept as the form's string (so the server action and the
 * domain function can both parse it); `utcMinute` turns it into the instant.
 */
export const ZSchedulePorting = ZPortingStep.extend({
  portingAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose the date and time of the switch.")
    .refine((v) => !Number.isNaN(utcMinute(v).getTime()), "Choose the date and time of the switch.")
    .refine((v) => utcMinute(v).getTime() > Date.now(), "The switch must be in the future."),
});

export const ZRejectPorting = ZPortingStep.extend({
  reason: z.string().trim().min(5, "Tell the partner why, in a few words.").max(2000, "At most 2000 characters."),
});
