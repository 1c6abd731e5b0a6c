import { z } from "zod";
import { ZId } from "@/lib/http/ids";

// One schema per form, shared by the browser (react-hook-form) and the server (actions and lib).

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`);

export const ROLES = ["ADMIN", "PARTNER", "END_USER"] as const;
export const ZRole = z.enum(ROLES, { error: "Choose a role" });

// A select left on its prompt sends "", which means "none", not an invalid id.
const ZOptionalId = z
  .union([z.literal(""), ZId])
  .nullish()
  .transform((value) => value || null);

/** Who an account is and which tenant it belongs to; the tenant is checked against the actor's scope on the server. */
const ZAccess = z.object({
  role: ZRole,
  isPartnerAdmin: z.boolean().default(false),
  partnerId: ZOptionalId,
  customerId: ZOptionalId,
});

function requireTenant(value: z.output<typeof ZAccess>, ctx: z.RefinementCtx) {
  if (value.role === "PARTNER" && !value.partnerId)
    ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Choose the partner this user works for" });
  if (value.role === "END_USER" && !value.customerId)
    ctx.addIssue({ code: "custom", path: ["customerId"], message: "Choose the customer this user belongs to" });
}

/** Who an account is: what every new account gives, an admin made from the operator's console too. */
export const ZNewAdmin = z.object({
  name: z.string().trim().min(2, "Name is required (at least 2 characters)").max(120, "Name is at most 120 characters"),
  email: z.string().trim().toLowerCase().max(254, "At most 254 characters").email("Enter a valid e-mail address"),
});

export const ZNewUser = ZAccess.extend(ZNewAdmin.shape).superRefine(requireTenant);
export type TNewUser = z.output<typeof ZNewUser>;

export const ZAccessChange = ZAccess.superRefine(requireTenant);
export type TAccessChange = z.output<typeof ZAccessChange>;

export const ZSetPassword = z
  .object({ password: ZPassword, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ" });
export type TSetPassword = z.output<typeof ZSetPassword>;

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(PASSWORD_MAX),
    newPassword: ZPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });
export type TChangePassword = z.output<typeof ZChangePassword>;

export const USER_STATUSES = ["active", "disabled"] as const;

/** List filters from the URL; anything unparseable is dropped rather than refused. */
export const ZUserFilters = z.object({
  partnerId: ZId.optional().catch(undefined),
  customerId: ZId.optional().catch(undefined),
  role: ZRole.optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
});
export type TUserFilters = z.output<typeof ZUserFilters>;

/** The list shows this many accounts a page, by name. */
export const USERS_PAGE_SIZE = 25;

/** The token from a one-time link: 32 random bytes, base64url. */
export const ZPasswordToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid");

/** "Forgot password": the address as typed at sign-in. */
export const ZForgotPassword = z.object({
  email: z.string().trim().toLowerCase().max(254, "At most 254 characters").email("Enter a valid e-mail address"),
});
export type TForgotPassword = z.output<typeof ZForgotPassword>;

/** A code from the authenticator app (six digits) or a recovery code, to confirm a two-factor change. */
export const ZSecondFactorCode = z.object({
  code: z.string().trim().min(6, "Enter the code your app shows").max(20, "At most 20 characters"),
});
export type TSecondFactorCode = z.output<typeof ZSecondFactorCode>;
