"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/http/action";
import { replayWebhookDelivery, sendWebhookTestEvent } from "@/lib/webhooks/deliveries";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  editWebhookEndpoint,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
} from "@/lib/webhooks/endpoints";
import {
  ZEditWebhookEndpoint,
  ZNewWebhookEndpoint,
  ZSetWebhookEnabled,
  ZWebhookDeliveryRef,
  ZWebhookEndpointRef,
} from "@/lib/webhooks/schemas";

const done = () => revalidatePath("/webhooks", "layout");

// The secret is returned once, to the admin who made it; it is never read back to a page.
export const createWebhookEndpointAction = action(
  { permission: "webhooks.manage", input: ZNewWebhookEndpoint },
  async (input, { actor, db }) => {
    const { endpoint, secret } = await createWebhookEndpoint(db, actor, input);
    done();
    return { id: endpoint.id, secret };
  },
);

export const editWebhookEndpointAction = action(
  { permission: "webhooks.manage", input: ZEditWebhookEndpoint },
  async (input, { actor, db }) => {
    await editWebhookEndpoint(db, actor, input);
    done();
  },
);

export const setWebhookEndpointEnabledAction = action(
  { permission: "webhooks.manage", input: ZSetWebhookEnabled },
  async (input, { actor, db }) => {
    await setWebhookEndpointEnabled(db, actor, input);
    done();
  },
);

export const rotateWebhookSecretAction = action(
  { permission: "webhooks.manage", input: ZWebhookEndpointRef },
  async (input, { actor, db }) => {
    const { secret } = await rotateWebhookSecret(db, actor, input);
    done();
    return { secret };
  },
);

export const deleteWebhookEndpointAction = action(
  { permission: "webhooks.manage", input: ZWebhookEndpointRef },
  async (input, { actor, db }) => {
    await deleteWebhookEndpoint(db, actor, input);
    done();
  },
);

export const sendWebhookTestEventAction = action(
  { permission: "webhooks.manage", input: ZWebhookEndpointRef },
  async (input, { actor, db }) => {
    await sendWebhookTestEvent(db, actor, input);
    done();
  },
);

export const replayWebhookDeliveryAction = action(
  { permission: "webhooks.manage", input: ZWebhookDeliveryRef },
  async (input, { actor, db }) => {
    await replayWebhookDelivery(db, actor, input);
    done();
  },
);
