// zod/mini (the same validator with a tree-shakable API): the sign-in page is the first page anyone
// loads, and the full zod build was a sixth of its JavaScript.
import * as z from "zod/mini";

export const ZSignIn = z.object({
  email: z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email("Enter a valid e-mail address")),
  password: z.string().check(z.minLength(1, "Enter your password"), z.maxLength(200)),
  /** The authenticator's six digits or a recovery code; asked for only once the password is right. */
  code: z.optional(z.string().check(z.trim(), z.maxLength(20))),
});
export type TSignIn = z.infer<typeof ZSignIn>;
