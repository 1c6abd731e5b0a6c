import { apiRoute } from "@/lib/api/api-route";
import { apiActivation, updateApiActivation } from "@/lib/api/endpoints/activation-handlers";
import { getActivationEndpoint, updateActivationEndpoint } from "@/lib/api/endpoints/activations";

export const GET = apiRoute(getActivationEndpoint, ({ db, actor, params, now }) =>
  apiActivation(db, actor, params.id, now),
);

export const PATCH = apiRoute(updateActivationEndpoint, ({ db, actor, params, body, now }) =>
  updateApiActivation(db, actor, params.id, body, now),
);
