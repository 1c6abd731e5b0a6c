import { apiRoute } from "@/lib/api/api-route";
import {
  apiWebhookEndpoint,
  deleteApiWebhookEndpoint,
  deleteWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
} from "@/lib/api/endpoints/webhooks";

export const GET = apiRoute(getWebhookEndpointEndpoint, ({ db, actor, params }) =>
  apiWebhookEndpoint(db, actor, params.id),
);

export const DELETE = apiRoute(deleteWebhookEndpointEndpoint, ({ db, actor, params }) =>
  deleteApiWebhookEndpoint(db, actor, params.id),
);
