"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { renewRecoveryCodes, turnOffSecondFactor } from "@/lib/auth/enrolment";
import { action } from "@/lib/http/action";
import { changeOwnPassword } from "@/lib/users/own-password";
import { ZChangePassword, ZSecondFactorCode } from "@/lib/users/schemas";

export const changeOwnPasswordAction = action(
  { permission: "account.manage", input: ZChangePassword },
  async (input, { actor, db }) => {
    await changeOwnPassword(db, actor, input);
  },
);

export const renewRecoveryCodesAction = action(
  { permission: "account.manage", input: ZSecondFactorCode },
  async ({ code }, { actor, db }) => renewRecoveryCodes(db, actor, code, clientAddress(await headers())),
);

export const turnOffSecondFactorAction = action(
  { permission: "account.manage", input: ZSecondFactorCode },
  async ({ code }, { actor, db }) => {
    await turnOffSecondFactor(db, actor, code, clientAddress(await headers()));
  },
);
