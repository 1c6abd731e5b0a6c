import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  webhookEndpoint,
  type WebhookEndpointRow,
} from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { ZNewWebhookEndpoint } from "@/lib/webhooks/schemas";
import { afterCreated, createdKey, pageFrom, pageOf, pageQuery, ZCreatedCursor } from "../cursor";
import { defineEndpoint } from "../endpoint";

const TAG = "Webhooks";
const SIGNING =
  "Each delivery is a POST of JSON `{ id, type, createdAt, data }` signed in the header `Classound-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the endpoint's secret>` (Stripe's scheme); `Classound-Event-Id` is the same for every retry and replay. Answer 2xx within 10 s: anything else is retried with backoff for about a day and a half, and an endpoint failing for 24 hours is turned off.";

const ZApiWebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  disabledAt: z.iso.datetime().nullable(),
  disabledReason: z.string().nullable().describe("Why the portal turned it off; null when a person did, or it is on."),
  lastDelivery: z
    .object({
      status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
      createdAt: z.iso.datetime(),
      lastStatusCode: z.number().int().nullable(),
    })
    .nullable(),
  createdAt: z.iso.datetime(),
});

const ZEndpointParams = z.object({ id: ZId });

export const listWebhookEndpointsEndpoint = defineEndpoint({
  method: "GET",
  path: "/webhook-endpoints",
  tag: TAG,
  summary: "List webhook endpoints",
  description: "The partner's webhook endpoints, oldest first, a page at a time. Secrets are never shown again.",
  scope: "webhooks:read",
  query: pageQuery(ZCreatedCursor),
  response: pageOf(ZApiWebhookEndpoint),
});

export const getWebhookEndpointEndpoint = defineEndpoint({
  method: "GET",
  path: "/webhook-endpoints/{id}",
  tag: TAG,
  summary: "Read a webhook endpoint",
  scope: "webhooks:read",
  params: ZEndpointParams,
  response: ZApiWebhookEndpoint,
});

export const createWebhookEndpointEndpoint = defineEndpoint({
  method: "POST",
  path: "/webhook-endpoints",
  tag: TAG,
  summary: "Register a webhook endpoint",
  description: `An https URL whose host resolves to public addresses only, and the events it wants. The answer carries the signing secret, once. ${SIGNING}`,
  scope: "webhooks:write",
  body: ZNewWebhookEndpoint,
  response: ZApiWebhookEndpoint.extend({
    secret: z.string().describe("The signing secret (whsec_…): shown in this answer only."),
  }),
  problems: { 409: "The partner already has the most webhook endpoints allowed." },
  status: 201,
});

export const deleteWebhookEndpointEndpoint = defineEndpoint({
  method: "DELETE",
  path: "/webhook-endpoints/{id}",
  tag: TAG,
  summary: "Delete a webhook endpoint",
  description: "With its delivery log; nothing more is sent to it.",
  scope: "webhooks:write",
  params: ZEndpointParams,
  response: z.object({ id: z.string(), deleted: z.literal(true) }),
});

/** The webhooks operations of /api/v1. */
export const WEBHOOK_ENDPOINTS = [
  listWebhookEndpointsEndpoint,
  createWebhookEndpointEndpoint,
  getWebhookEndpointEndpoint,
  deleteWebhookEndpointEndpoint,
];

function toApi(row: WebhookEndpointRow): z.output<typeof ZApiWebhookEndpoint> {
  const [last] = row.deliveries;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as (typeof WEBHOOK_EVENT_TYPES)[number][],
    enabled: row.enabled,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt.toISOString(),
    lastDelivery: last
      ? { status: last.status, createdAt: last.createdAt.toISOString(), lastStatusCode: last.lastStatusCode }
      : null,
  };
}

export async function webhookEndpointsPage(
  db: Db,
  actor: Actor,
  query: z.output<NonNullable<typeof listWebhookEndpointsEndpoint.query>>,
) {
  const rows = await listWebhookEndpoints(db, actor, {
    where: afterCreated(query.cursor),
    oldestFirst: true,
    take: query.limit + 1,
  });
  const page = pageFrom(rows, query.limit, createdKey);
  return { next: page.next, data: page.data.map(toApi) };
}

export const apiWebhookEndpoint = async (db: Db, actor: Actor, id: string) =>
  toApi(await webhookEndpoint(db, actor, id));

/** Registers through the portal's own function (same URL checks, limits and audit). */
export async function createApiWebhookEndpoint(db: Db, actor: Actor, body: unknown) {
  const { endpoint, secret } = await createWebhookEndpoint(db, actor, body);
  return { ...toApi(endpoint), secret };
}

export async function deleteApiWebhookEndpoint(db: Db, actor: Actor, id: string) {
  await deleteWebhookEndpoint(db, actor, { endpointId: id });
  return { id, deleted: true as const };
}
