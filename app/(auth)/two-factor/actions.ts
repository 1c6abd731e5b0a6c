"use server";

import { beginEnrolment, confirmEnrolment } from "@/lib/auth/enrolment";
import { enrollingActorWith } from "@/lib/auth/request-actor";
import { db } from "@/lib/db/client";
import { actionWith, ZNoInput } from "@/lib/http/action";
import { ZSecondFactorCode } from "@/lib/users/schemas";

// The one action wrapper, with the actor of a session held at enrolment admitted (an admin without
// two-factor has no actor for any other action).
const enrolmentAction = actionWith(enrollingActorWith, db);

export const beginEnrolmentAction = enrolmentAction(
  { permission: "account.manage", input: ZNoInput },
  async (_input, { actor, db }) => {
    const { secret, uri, qrCodeDataUrl } = await beginEnrolment(db, actor);
    return { secret, uri, qrCodeDataUrl };
  },
);

export const confirmEnrolmentAction = enrolmentAction(
  { permission: "account.manage", input: ZSecondFactorCode },
  async ({ code }, { actor, db }) => confirmEnrolment(db, actor, code),
);
