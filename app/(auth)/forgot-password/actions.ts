"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { publicAction } from "@/lib/http/action";
import { requestMailDelivery } from "@/lib/jobs/enqueue";
import { requestPasswordReset } from "@/lib/users/forgot-password";
import { ZForgotPassword } from "@/lib/users/schemas";

// Public: a signed-out visitor asks for the one-time link; the answer never says whether it was sent.
export const forgotPasswordAction = publicAction({ input: ZForgotPassword }, async (input, { db }) => {
  const answer = await requestPasswordReset(db, input, clientAddress(await headers()));
  // Every time, sent or not: a delivery request only for known addresses would take longer for them.
  await requestMailDelivery();
  return answer;
});
