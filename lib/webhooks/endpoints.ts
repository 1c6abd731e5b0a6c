import type { Actor } from "@/lib/auth/actor";
import { assertCan, assertCanChange } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { auditEndpoint } from "./audit";
import { failPendingDeliveries } from "./outcome";
import { ZEditWebhookEndpoint, ZNewWebhookEndpoint, ZSetWebhookEnabled, ZWebhookEndpointRef } from "./schemas";
import { newWebhookSecret } from "./secret";
import { assertWebhookUrl, configuredNetwork, type WebhookNetworkOptions } from "./url-policy";

/** Endpoints one partner may have: enough for each of its systems, not a fan-out amplifier. */
export const WEBHOOK_ENDPOINTS_PER_PARTNER = 20;
/** How long a rotated secret still signs beside the new one, so receivers can switch without losing events. */
export const PREVIOUS_SECRET_HOURS = 24;

type Tx = Prisma.TransactionClient;

/**
 * A partner's endpoints are managed by its administrators, or by its API keys with the webhooks
 * scope (policy.ts); never by the operator's staff or another partner. Returns the partner.
 */
export function assertManagesWebhooks(actor: Actor, change: boolean): string {
  if (actor.role !== "PARTNER" || !actor.partnerId)
    throw new AppError("FORBIDDEN", "Only a partner's administrators manage its webhooks.");
  if (change) assertCanChange(actor, "webhooks.manage");
  else assertCan(actor, "webhooks.manage");
  return actor.partnerId;
}

/** What lists and pages show of an endpoint: never its secret. */
export const ENDPOINT_SELECT = {
  id: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  failureStreak: true,
  failingSince: true,
  previousSecretUntil: true,
  createdAt: true,
  deliveries: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
    select: { status: true, createdAt: true, lastAttemptAt: true, lastStatusCode: true },
  },
} satisfies Prisma.WebhookEndpointSelect;
export type WebhookEndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof ENDPOINT_SELECT }>;

/** One of the actor's partner's endpoints, locked for the change; another partner's is NOT_FOUND. */
export async function ownEndpoint(tx: Tx, partnerId: string, endpointId: string) {
  const [row] = await tx.$queryRaw<{ id: string; url: string; enabled: boolean }[]>`
    SELECT "id", "url", "enabled" FROM "WebhookEndpoint" WHERE "id" = ${endpointId} AND "partnerId" = ${partnerId} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist.");
  return row;
}

/** A new endpoint; the returned `secret` is shown once (it is kept to sign with, never shown again). */
export async function createWebhookEndpoint(
  db: Db,
  actor: Actor,
  input: unknown,
  network: WebhookNetworkOptions = configuredNetwork(),
) {
  const partnerId = assertManagesWebhooks(actor, true);
  const parsed = parseOrThrow(ZNewWebhookEndpoint, input);
  const url = await assertWebhookUrl(parsed.url, network);
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    // The partner's row lock makes the count and the insert one decision, whatever runs beside it.
    await tx.$queryRaw`SELECT 1 FROM "Partner" WHERE "id" = ${partnerId} FOR UPDATE`;
    if ((await tx.webhookEndpoint.count({ where: { partnerId } })) >= WEBHOOK_ENDPOINTS_PER_PARTNER)
      throw new AppError(
        "CONFLICT",
        `A partner has at most ${WEBHOOK_ENDPOINTS_PER_PARTNER} webhook endpoints: delete one you no longer use.`,
      );
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        partnerId,
        url,
        description: parsed.description,
        events: parsed.events,
        secret,
        createdById: actor.userId,
      },
      select: ENDPOINT_SELECT,
    });
    await auditEndpoint(tx, actor, "webhook.created", { id: endpoint.id, url }, { events: parsed.events });
    return { endpoint, secret };
  });
}

/** The partner's endpoints meeting `where`, each with its last delivery: newest first (the page), or oldest (the API's pages). */
export async function listWebhookEndpoints(
  db: Db,
  actor: Actor,
  {
    where = {},
    oldestFirst = false,
    take,
  }: { where?: Prisma.WebhookEndpointWhereInput; oldestFirst?: boolean; take?: number } = {},
) {
  const partnerId = assertManagesWebhooks(actor, false);
  const order = oldestFirst ? "asc" : "desc";
  return db.webhookEndpoint.findMany({
    where: { AND: [{ partnerId }, where] },
    orderBy: [{ createdAt: order }, { id: order }],
    take,
    select: ENDPOINT_SELECT,
  });
}

/** One endpoint of the actor's partner; another partner's is NOT_FOUND like a missing one. */
export async function webhookEndpoint(db: Db, actor: Actor, endpointId: string) {
  const [endpoint] = await listWebhookEndpoints(db, actor, { where: { id: endpointId } });
  if (!endpoint) throw new AppError("NOT_FOUND", "This webhook endpoint does not exist.");
  return endpoint;
}

/** Changes the events an endpoint wants and its description (a new URL is a new endpoint). */
export async function editWebhookEndpoint(db: Db, actor: Actor, input: unknown) {
  const partnerId = assertManagesWebhooks(actor, true);
  const { endpointId, description, events } = parseOrThrow(ZEditWebhookEndpoint, input);
  await db.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, partnerId, endpointId);
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { description, events } });
    await auditEndpoint(tx, actor, "webhook.edited", endpoint, { events });
  });
}

/**
 * Turns an endpoint on (its failure count starts again) or off. Turning off fails what was waiting
 * for it: nothing is sent to it meanwhile, and its deliveries can be replayed once it is back.
 */
export async function setWebhookEndpointEnabled(db: Db, actor: Actor, input: unknown, now = new Date()) {
  const partnerId = assertManagesWebhooks(actor, true);
  const { endpointId, enabled } = parseOrThrow(ZSetWebhookEnabled, input);
  await db.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, partnerId, endpointId);
    if (endpoint.enabled === enabled) return;
    await tx.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: enabled
        ? { enabled, disabledAt: null, disabledReason: null, failureStreak: 0, failingSince: null }
        : { enabled, disabledAt: now, disabledReason: null },
    });
    if (!enabled) await failPendingDeliveries(tx, endpoint.id, "The endpoint was turned off.");
    await auditEndpoint(tx, actor, enabled ? "webhook.enabled" : "webhook.disabled", endpoint);
  });
}

/**
 * A new secret, shown once. The old one keeps signing beside it (a second `v1`) for
 * PREVIOUS_SECRET_HOURS, so the partner's receiver can move over without refusing events.
 */
export async function rotateWebhookSecret(db: Db, actor: Actor, input: unknown, now = new Date()) {
  const partnerId = assertManagesWebhooks(actor, true);
  const { endpointId } = parseOrThrow(ZWebhookEndpointRef, input);
  const secret = newWebhookSecret();
  await db.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, partnerId, endpointId);
    await tx.$executeRaw`
      UPDATE "WebhookEndpoint" SET "previousSecret" = "secret", "secret" = ${secret},
        "previousSecretUntil" = ${new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 3_600_000)}, "updatedAt" = ${now}
      WHERE "id" = ${endpoint.id}`;
    await auditEndpoint(tx, actor, "webhook.secret_rotated", endpoint);
  });
  return { secret };
}

/** Deletes an endpoint with its delivery log; events already sent stay sent. */
export async function deleteWebhookEndpoint(db: Db, actor: Actor, input: unknown) {
  const partnerId = assertManagesWebhooks(actor, true);
  const { endpointId } = parseOrThrow(ZWebhookEndpointRef, input);
  await db.$transaction(async (tx) => {
    const endpoint = await ownEndpoint(tx, partnerId, endpointId);
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await auditEndpoint(tx, actor, "webhook.deleted", endpoint);
  });
  return { id: endpointId };
}
