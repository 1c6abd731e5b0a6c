"use server";

import { revalidatePath } from "next/cache";
import {
  approveActivationRequest,
  rejectActivationRequest,
  requestActivationChanges,
  startActivationReview,
} from "@/lib/activations/review-request";
import { ZRejectRequest, ZRequestChanges, ZVersioned } from "@/lib/activations/schemas";
import { action } from "@/lib/http/action";
import { requestMailDelivery } from "@/lib/jobs/enqueue";

// Decisions notify the partner by e-mail too: a worker sends it, asked once the decision is committed.
async function refresh(requestId: string) {
  await requestMailDelivery();
  revalidatePath(`/admin/activations/${requestId}`);
  revalidatePath("/admin/activations");
}

export const startReviewAction = action(
  { permission: "activation.review", input: ZVersioned },
  async ({ requestId, version }, { actor, db }) => {
    await startActivationReview(db, actor, requestId, version);
    await refresh(requestId);
  },
);

export const approveAction = action(
  { permission: "activation.review", input: ZVersioned },
  async ({ requestId, version }, { actor, db }) => {
    await approveActivationRequest(db, actor, requestId, version);
    await refresh(requestId);
  },
);

export const rejectAction = action(
  { permission: "activation.review", input: ZRejectRequest },
  async (input, { actor, db }) => {
    await rejectActivationRequest(db, actor, input);
    await refresh(input.requestId);
  },
);

export const requestChangesAction = action(
  { permission: "activation.review", input: ZRequestChanges },
  async (input, { actor, db }) => {
    await requestActivationChanges(db, actor, input);
    await refresh(input.requestId);
  },
);
