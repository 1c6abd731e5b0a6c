import { apiRoute } from "@/lib/api/api-route";
import { submitApiActivation } from "@/lib/api/endpoints/activation-handlers";
import { submitActivationEndpoint } from "@/lib/api/endpoints/activations";

export const POST = apiRoute(submitActivationEndpoint, ({ db, actor, params, now }) =>
  submitApiActivation(db, actor, params.id, now),
);
