"use server";

import { revalidatePath } from "next/cache";
import {
  approveActivationRequest,
  rejectActivationRequest,
  requestActivationChanges,
  startActivationReview,
} from "@/lib/activations/review-request";
import { actorWith } from "@/lib/auth/request-actor";
import { db } from "@/lib/db/client";
import { toActionResult } from "@/lib/http/action-result";
import { deliverOutboxLater } from "@/lib/mail";

// Decisions notify the partner by e-mail too; it leaves once the response is sent.
function refresh(requestId: string) {
  deliverOutboxLater(db());
  revalidatePath(`/admin/activations/${requestId}`);
  revalidatePath("/admin/activations");
}

export async function startReviewAction(requestId: string, version: number) {
  return toActionResult(async () => {
    await startActivationReview(db(), await actorWith("activation.review"), requestId, version);
    refresh(requestId);
  });
}

export async function approveAction(requestId: string, version: number) {
  return toActionResult(async () => {
    await approveActivationRequest(db(), await actorWith("activation.review"), requestId, version);
    refresh(requestId);
  });
}

export async function rejectAction(input: unknown) {
  return toActionResult(async () => {
    await rejectActivationRequest(db(), await actorWith("activation.review"), input);
    refresh(String((input as { requestId?: unknown })?.requestId));
  });
}

export async function requestChangesAction(input: unknown) {
  return toActionResult(async () => {
    await requestActivationChanges(db(), await actorWith("activation.review"), input);
    refresh(String((input as { requestId?: unknown })?.requestId));
  });
}
