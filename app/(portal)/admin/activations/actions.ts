"use server";

import { revalidatePath } from "next/cache";
import {
  approveActivationRequest,
  rejectActivationRequest,
  requestActivationChanges,
  startActivationReview,
} from "@/lib/activations/review-request";
import { ZRejectRequest, ZRequestChanges, ZVersioned } from "@/lib/activations/schemas";
import type { Db } from "@/lib/db/client";
import { action } from "@/lib/http/action";
import { deliverOutboxLater } from "@/lib/mail";

// Decisions notify the partner by e-mail too; it leaves once the response is sent.
function refresh(db: Db, requestId: string) {
  deliverOutboxLater(db);
  revalidatePath(`/admin/activations/${requestId}`);
  revalidatePath("/admin/activations");
}

export const startReviewAction = action({ permission: "activation.review", input: ZVersioned }, async ({ requestId, version }, { actor, db }) => {
  await startActivationReview(db, actor, requestId, version);
  refresh(db, requestId);
});

export const approveAction = action({ permission: "activation.review", input: ZVersioned }, async ({ requestId, version }, { actor, db }) => {
  await approveActivationRequest(db, actor, requestId, version);
  refresh(db, requestId);
});

export const rejectAction = action({ permission: "activation.review", input: ZRejectRequest }, async (input, { actor, db }) => {
  await rejectActivationRequest(db, actor, input);
  refresh(db, input.requestId);
});

export const requestChangesAction = action({ permission: "activation.review", input: ZRequestChanges }, async (input, { actor, db }) => {
  await requestActivationChanges(db, actor, input);
  refresh(db, input.requestId);
});
