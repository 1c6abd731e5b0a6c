"use server";

import { revalidatePath } from "next/cache";
import { saveActivationDraft } from "@/lib/activations/save-draft";
import { startActivationRequest } from "@/lib/activations/start-request";
import { submitActivationRequest } from "@/lib/activations/submit-request";
import { actorWith } from "@/lib/auth/request-actor";
import { db } from "@/lib/db/client";
import { toActionResult } from "@/lib/http/action-result";
import { deliverOutboxLater } from "@/lib/mail";

export async function startActivationAction(pbxId: string) {
  return toActionResult(async () => {
    const request = await startActivationRequest(db(), await actorWith("activation.request"), pbxId);
    revalidatePath("/activations");
    return { requestId: request.id };
  });
}

export async function saveActivationDraftAction(requestId: string, version: number, values: unknown) {
  return toActionResult(async () => {
    const saved = await saveActivationDraft(db(), await actorWith("activation.request"), requestId, version, values);
    revalidatePath(`/activations/${requestId}`);
    return { version: saved.version };
  });
}

export async function submitActivationAction(requestId: string, version: number) {
  return toActionResult(async () => {
    await submitActivationRequest(db(), await actorWith("activation.request"), requestId, version);
    deliverOutboxLater(db());
    revalidatePath(`/activations/${requestId}`);
    revalidatePath("/activations");
  });
}
