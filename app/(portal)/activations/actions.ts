"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { discardActivationDraft } from "@/lib/activations/discard-draft";
import { saveActivationDraft } from "@/lib/activations/save-draft";
import { ZVersioned } from "@/lib/activations/schemas";
import { startActivationRequest } from "@/lib/activations/start-request";
import { submitActivationRequest } from "@/lib/activations/submit-request";
import { action } from "@/lib/http/action";
import { ZId } from "@/lib/http/ids";
import { requestMailDelivery } from "@/lib/jobs/enqueue";

export const startActivationAction = action(
  { permission: "activation.request", input: z.object({ pbxId: ZId }) },
  async ({ pbxId }, { actor, db }) => {
    const request = await startActivationRequest(db, actor, pbxId);
    revalidatePath("/activations");
    return { requestId: request.id };
  },
);

// The draft's values are parsed by saveActivationDraft itself: a draft keeps invalid values as typed.
export const saveActivationDraftAction = action(
  { permission: "activation.request", input: ZVersioned.extend({ values: z.unknown() }) },
  async ({ requestId, version, values }, { actor, db }) => {
    const saved = await saveActivationDraft(db, actor, requestId, version, values);
    revalidatePath(`/activations/${requestId}`);
    return { version: saved.version };
  },
);

export const submitActivationAction = action(
  { permission: "activation.request", input: ZVersioned },
  async ({ requestId, version }, { actor, db }) => {
    await submitActivationRequest(db, actor, requestId, version);
    await requestMailDelivery();
    revalidatePath(`/activations/${requestId}`);
    revalidatePath("/activations");
  },
);

export const discardActivationDraftAction = action(
  { permission: "activation.request", input: ZVersioned },
  async ({ requestId, version }, { actor, db }) => {
    await discardActivationDraft(db, actor, requestId, version);
    revalidatePath("/activations");
  },
);
