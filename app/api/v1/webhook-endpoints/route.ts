import { apiRoute } from "@/lib/api/api-route";
import {
  createApiWebhookEndpoint,
  createWebhookEndpointEndpoint,
  listWebhookEndpointsEndpoint,
  webhookEndpointsPage,
} from "@/lib/api/endpoints/webhooks";

export const GET = apiRoute(listWebhookEndpointsEndpoint, ({ db, actor, query }) =>
  webhookEndpointsPage(db, actor, query),
);

export const POST = apiRoute(createWebhookEndpointEndpoint, ({ db, actor, body }) =>
  createApiWebhookEndpoint(db, actor, body),
);
