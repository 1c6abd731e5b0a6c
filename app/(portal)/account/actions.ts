"use server";

import { action } from "@/lib/http/action";
import { changeOwnPassword } from "@/lib/users/own-password";
import { ZChangePassword } from "@/lib/users/schemas";

export const changeOwnPasswordAction = action(
  { permission: "account.manage", input: ZChangePassword },
  async (input, { actor, db }) => {
    await changeOwnPassword(db, actor, input);
  },
);
