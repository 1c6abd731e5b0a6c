import { z } from "zod";
import type { LicenseType } from "@/lib/db/generated/enums";
import { ZId } from "@/lib/http/ids";

// The one set of rules for a PBX's licence, shared by the registration form, its server action, every
// CSV row of an import and the licence-change forms. Each schema accepts its own output (dates stay
// "YYYY-MM-DD" strings, counts become numbers), so the action and the domain function may both parse.

/** Serials as PBX vendors print them (CS-4F9A-21C7): letters, digits and dashes, stored upper-cased. */
export const SERIAL_FORMAT = /^[A-Z0-9](?:[A-Z0-9-]{2,38})[A-Z0-9]$/;
export const SERIAL_HINT = "4 to 40 letters, digits and dashes, e.g. CS-4F9A-21C7.";

export const RECURRING_PLANS = ["MONTHLY", "YEARLY", "FIVE_YEAR"] as const;
export const LICENCE_PLANS = [...RECURRING_PLANS, "LIFETIME"] as const;
export const LICENSINGS = ["PER_USER", "PER_SYSTEM"] as const;
export type LicencePlan = (typeof LICENCE_PLANS)[number];
export type Licensing = (typeof LICENSINGS)[number];
export const LICENSING_LABEL: Record<(typeof LICENSINGS)[number], string> = {
  PER_USER: "Per user",
  PER_SYSTEM: "Per system (simultaneous calls)",
};

/** The user-licence levels, as form fields and CSV columns, with the licence type each one stores. */
export const LICENCE_LEVELS = ["basic", "essential", "business", "premium"] as const;
export type TLicenceLevel = (typeof LICENCE_LEVELS)[number];
export const LEVEL_TYPE: Record<TLicenceLevel, LicenseType> = {
  basic: "BASIC",
  essential: "ESSENTIAL",
  business: "BUSINESS",
  premium: "PREMIUM",
};
/** More users than any PBX of this portal will hold: a typo such as 10000 instead of 100 is caught. */
export const MAX_USERS_PER_LEVEL = 5000;

// Terms of this portal lie well inside this century: a year like 0000 parses and then breaks the day
// arithmetic of R3's proration.
const FIRST_DAY = "2000-01-01";
const LAST_DAY = "2099-12-31";
/** The longest term a licence may have: a 5-year plan, with room for an off-calendar renewal. */
export const MAX_TERM_YEARS = 10;

const isRealDay = (day: string) => {
  const date = new Date(`${day}T00:00:00Z`);
  // 2027-02-31 parses as a later day: only a date that reads back the same is real.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
};

/** A calendar day as a date input sends it ("2027-05-01"), or "" when `optional`; the label names the field. */
export function calendarDay(label: string, { optional = false } = {}) {
  return z
    .string({ error: `Enter the ${label}` })
    .trim()
    .superRefine((day, context) => {
      const problem =
        day === ""
          ? optional
            ? null
            : `Enter the ${label}`
          : !/^\d{4}-\d{2}-\d{2}$/.test(day)
            ? `Enter the ${label} as a date like 2027-05-01`
            : !isRealDay(day)
              ? `The ${label} is not a real date`
              : day < FIRST_DAY || day > LAST_DAY
                ? `Choose a ${label} from 2000 to 2099`
                : null;
      if (problem) context.addIssue({ code: "custom", message: problem });
    });
}

/** An optional calendar day: empty is "none". */
const optionalDay = (label: string) => calendarDay(label, { optional: true }).default("");

/** A day as the instant stored for it: midnight UTC of that date, as the seed and every page read terms. */
export const dayInstant = (day: string) => new Date(`${day}T00:00:00Z`);
/** The calendar day a stored term date names. */
export const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);

/** Whole users of one level: typed text or a number, never negative, never a fraction. */
function userCount(level: string) {
  return z
    .union([z.number(), z.string()], { error: `Enter the number of ${level} users (0 if none)` })
    .transform((value, context) => {
      const text = String(value).trim();
      if (text === "") {
        context.addIssue({ code: "custom", message: `Enter the number of ${level} users (0 if none)` });
        return z.NEVER;
      }
      if (/^-/.test(text)) {
        context.addIssue({ code: "custom", message: `${capitalise(level)} users cannot be negative` });
        return z.NEVER;
      }
      if (!/^\d+$/.test(text)) {
        context.addIssue({ code: "custom", message: `${capitalise(level)} users must be a whole number` });
        return z.NEVER;
      }
      const count = Number(text);
      if (count > MAX_USERS_PER_LEVEL) {
        context.addIssue({ code: "custom", message: `At most ${MAX_USERS_PER_LEVEL} ${level} users` });
        return z.NEVER;
      }
      return count;
    });
}
const capitalise = (text: string) => text[0]!.toUpperCase() + text.slice(1);

const ZUsers = z.object({
  basic: userCount("Basic"),
  essential: userCount("Essential"),
  business: userCount("Business"),
  premium: userCount("Premium"),
});

/** R4: every user licence of the PBX, whatever its level. */
export const totalUsers = (users: Record<TLicenceLevel, number>) =>
  LICENCE_LEVELS.reduce((sum, level) => sum + users[level], 0);

const ZSoftwareVersion = z
  .string({ error: "Enter the software version" })
  .trim()
  .min(1, "Enter the software version the PBX reports")
  .max(40, "The software version is at most 40 characters");

const ZPlan = z.enum(LICENCE_PLANS, { error: "Choose the licence plan" });
const ZLicensing = z.enum(LICENSINGS, { error: "Choose how the PBX is licensed" });

/** Years from `start` to `end`, both days: for the longest-term rule. */
const yearsBetween = (start: string, end: string) =>
  (dayInstant(end).getTime() - dayInstant(start).getTime()) / (365.25 * 24 * 3600 * 1000);

/** A term: the end after the start, within MAX_TERM_YEARS; a lifetime licence has no end, a recurring one must. */
function checkTerm(
  values: { licensePlan?: string; termStart: string; termEnd: string },
  context: z.RefinementCtx,
  { endRequired }: { endRequired: boolean },
) {
  if (values.licensePlan === "LIFETIME") {
    if (values.termEnd)
      context.addIssue({
        code: "custom",
        path: ["termEnd"],
        message: "A lifetime licence has no term end: leave it empty",
      });
    return;
  }
  if (!values.termEnd) {
    if (endRequired)
      context.addIssue({ code: "custom", path: ["termEnd"], message: "Enter the term end: this plan renews" });
    return;
  }
  if (!values.termStart) return;
  if (values.termEnd <= values.termStart)
    context.addIssue({ code: "custom", path: ["termEnd"], message: "The term end must be after the term start" });
  else if (yearsBetween(values.termStart, values.termEnd) > MAX_TERM_YEARS)
    context.addIssue({ code: "custom", path: ["termEnd"], message: `A term is at most ${MAX_TERM_YEARS} years` });
}

// The term is checked even while other fields are wrong (the form shows every message at once), once
// the fields it reads are themselves valid; never when the value is no object at all (an API body of
// `null` or `[]`: an issue with an empty path), which has no fields to read.
const TERM_FIELDS = ["licensePlan", "termStart", "termEnd"];
const termFieldsValid = {
  when: (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((issue) => !issue.path?.length || TERM_FIELDS.includes(String(issue.path[0]))),
};

/** A PBX's own fields, without its customer: what a registration form and a CSV row both carry. */
export const ZPbxFields = z.object({
  serial: z
    .string({ error: "Enter the serial" })
    .trim()
    .toUpperCase()
    .min(1, "Enter the serial printed on the PBX")
    .regex(SERIAL_FORMAT, `The serial is ${SERIAL_HINT.charAt(0).toLowerCase()}${SERIAL_HINT.slice(1)}`),
  name: z
    .string({ error: "Enter a name" })
    .trim()
    .min(2, "Enter a name, e.g. Munich HQ")
    .max(100, "The name is at most 100 characters"),
  licensing: ZLicensing,
  licensePlan: ZPlan,
  termStart: calendarDay("term start"),
  termEnd: optionalDay("term end"),
  ...ZUsers.shape,
  softwareVersion: ZSoftwareVersion,
});

export const ZRegisterPbx = ZPbxFields.extend({
  customerId: z.string({ error: "Choose the customer" }).min(1, "Choose the customer").pipe(ZId),
}).superRefine((values, context) => checkTerm(values, context, { endRequired: true }), termFieldsValid);
export type TRegisterPbxInput = z.input<typeof ZRegisterPbx>;
export type TRegisterPbx = z.output<typeof ZRegisterPbx>;

// ─── Licence changes on a registered PBX ─────────────────────────────────────

/**
 * A renewal: the term that follows the current one, from the current expiry (`currentExpiry`, as the
 * form saw it: a second submission of the same form finds the term already moved and is refused) to
 * `termEnd`, optionally on another recurring plan.
 */
export const ZRenewal = z.object({
  kind: z.literal("renewal"),
  pbxId: ZId,
  currentExpiry: calendarDay("current expiry"),
  termEnd: calendarDay("new term end"),
  licensePlan: z.enum(["", ...RECURRING_PLANS], { error: "Choose a plan that renews" }).default(""),
});

/** New user counts per level, in force from a day (today unless said otherwise). */
export const ZUsersChange = z.object({
  kind: z.literal("users"),
  pbxId: ZId,
  from: calendarDay("date the change takes effect"),
  ...ZUsers.shape,
});

/**
 * Another plan or licensing. A term is given only when the PBX leaves a lifetime licence for a plan
 * that renews (it has none to keep).
 */
export const ZPlanChange = z
  .object({
    kind: z.literal("plan"),
    pbxId: ZId,
    licensePlan: ZPlan,
    licensing: ZLicensing,
    termStart: optionalDay("term start"),
    termEnd: optionalDay("term end"),
  })
  .superRefine((values, context) => checkTerm(values, context, { endRequired: false }), termFieldsValid);

export const ZSoftwareUpdate = z.object({
  kind: z.literal("software"),
  pbxId: ZId,
  softwareVersion: ZSoftwareVersion,
});

/** Every licence change, told apart by `kind`: one preview and one apply for all of them. */
export const ZLicenceChange = z.discriminatedUnion("kind", [ZRenewal, ZUsersChange, ZPlanChange, ZSoftwareUpdate]);
export type TLicenceChangeInput = z.input<typeof ZLicenceChange>;
export type TLicenceChange = z.output<typeof ZLicenceChange>;
export type TRenewalInput = z.input<typeof ZRenewal>;
export type TUsersChangeInput = z.input<typeof ZUsersChange>;
export type TPlanChangeInput = z.input<typeof ZPlanChange>;
export type TSoftwareUpdateInput = z.input<typeof ZSoftwareUpdate>;

export type LevelCounts = Record<TLicenceLevel, number>;

/** A PBX's licence rows as counts per level (a level without a row has none). */
export function levelCounts(licenses: { type: LicenseType; quantity: number }[]): LevelCounts {
  return Object.fromEntries(
    LICENCE_LEVELS.map((level) => [level, licenses.find((l) => l.type === LEVEL_TYPE[level])?.quantity ?? 0]),
  ) as LevelCounts;
}
