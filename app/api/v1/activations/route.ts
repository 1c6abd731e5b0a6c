import { apiRoute } from "@/lib/api/api-route";
import { activationsPage, createApiActivation } from "@/lib/api/endpoints/activation-handlers";
import { createActivationEndpoint, listActivationsEndpoint } from "@/lib/api/endpoints/activations";

export const GET = apiRoute(listActivationsEndpoint, ({ db, actor, query }) => activationsPage(db, actor, query));

export const POST = apiRoute(createActivationEndpoint, ({ db, actor, body, now }) =>
  createApiActivation(db, actor, body, now),
);
