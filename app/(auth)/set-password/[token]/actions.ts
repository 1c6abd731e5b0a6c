"use server";

import { z } from "zod";
import { publicAction } from "@/lib/http/action";
import { unsafeSetPasswordWithToken } from "@/lib/users/password-links";
import { ZPasswordToken, ZSetPassword } from "@/lib/users/schemas";

// Public: the one-time token is the credential, checked (hashed) against PasswordToken.
export const setPasswordAction = publicAction(
  { input: ZSetPassword.and(z.object({ token: ZPasswordToken })) },
  async ({ token, ...input }, { db }) => {
    await unsafeSetPasswordWithToken(db, token, input);
  },
);
