import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { WebhookEventType } from "./event-types";

const NEW_ID = Prisma.sql`'c' || replace(gen_random_uuid()::text, '-', '')`;

export interface WebhookEventSql {
  partnerId: string;
  type: WebhookEventType;
  /** A jsonb expression: the payload's `data`. */
  data: Prisma.Sql;
  /** The rows `data` is computed from (a FROM list); no row, no event. Omitted: one row. */
  from?: Prisma.Sql;
  now: Date;
}

/**
 * Two common table expressions that write an event and its deliveries, for a statement that makes
 * the change itself (the number order is one statement): "webhook_event" and "webhook_deliveries".
 * The event is written only when an enabled endpoint of the partner wants its type, one delivery per
 * such endpoint, so partners without webhooks cost one index probe. Never another partner's
 * endpoints: the partner is the one whose row changed.
 */
export function webhookEventCtes({ partnerId, type, data, from, now }: WebhookEventSql): Prisma.Sql {
  const wanting = Prisma.sql`SELECT "id" FROM "WebhookEndpoint" WHERE "partnerId" = ${partnerId} AND "enabled" AND ${type} = ANY("events")`;
  return Prisma.sql`
    "webhook_event" AS (
      INSERT INTO "WebhookEvent" ("id", "partnerId", "type", "data", "createdAt")
      SELECT ${NEW_ID}, ${partnerId}, ${type}, ${data}, ${now}
      ${from ? Prisma.sql`FROM ${from}` : Prisma.empty}
      WHERE EXISTS (${wanting})
      RETURNING "id"),
    "webhook_deliveries" AS (
      INSERT INTO "WebhookDelivery" ("id", "eventId", "endpointId", "status", "nextAttemptAt", "createdAt")
      SELECT ${NEW_ID}, e."id", w."id", 'PENDING', ${now}, ${now}
      FROM "webhook_event" e CROSS JOIN (${wanting}) w
      RETURNING "id")`;
}

/**
 * Records an event in the caller's transaction (an outbox row): it exists if and only if the change
 * it describes commits, and the dispatcher is woken when it does (the migration's NOTIFY trigger).
 * `data` is what the partner's system receives: ids, statuses and numbers of the partner's own rows.
 */
export async function emitWebhookEvent(
  tx: Pick<Db, "$executeRaw">,
  partnerId: string,
  type: WebhookEventType,
  data: Record<string, unknown>,
  now = new Date(),
) {
  await tx.$executeRaw`
    WITH ${webhookEventCtes({ partnerId, type, data: Prisma.sql`${JSON.stringify(data)}::jsonb`, now })}
    SELECT 1`;
}
