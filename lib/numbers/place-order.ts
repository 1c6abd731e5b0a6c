import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { currentRequestId } from "@/lib/log/request-context";
import type { BasketQuote } from "@/lib/pricing/basket-quote";
import { webhookEventCtes } from "@/lib/webhooks/emit";
import { BlockRaceError, claimHeadsSql, lockMembersSql, type BlockRequest } from "./allocate";

/** A type, not an interface, so it stays assignable to Prisma's JSON input (the stored answer). */
export type OrderResult = {
  orderId: string;
  blocks: { firstE164: string; lastE164: string; size: number }[];
  chargeTotal: string;
  currency: string;
};

export interface PlaceOrder {
  request: BlockRequest;
  orderId: string;
  partnerId: string;
  pbxId: string;
  actorId: string;
  /** The quote from the one pricing function (basketQuote): its lines are stored as they are. */
  quote: Pick<BasketQuote, "lines" | "total" | "currency">;
  idempotency: { scope: string; key: string; hash: string };
  now: Date;
}

export type PlaceOutcome = { placed: OrderResult } | { holdExpired: true } | { found: number };

/** A new id in the shape the app's ids have (c + 32 hex digits), made by the database for each row. */
const NEW_ID = Prisma.sql`'c' || replace(gen_random_uuid()::text, '-', '')`;

/**
 * Places a number order in ONE statement (a data-modifying CTE, atomic without a transaction):
 * claims the heads (the partner's held blocks first, then free ones; SKIP LOCKED), locks their
 * members, and only when every block is whole writes the order, its blocks, its charge lines, the
 * numbers' assignment (which forgets their hold lifetime, hold-limits.ts), two history events per
 * number (ORDERED, ASSIGNED), the audit row, the used-up hold's deletion, and the idempotency
 * record's answer, and the partner's webhook event. Otherwise it writes nothing.
 *
 * Why one statement: each statement through Prisma costs ~0.6 ms of Node CPU and a round trip, and
 * the interactive transaction this replaces took ~15 of them, while the locks are held (docs/performance.md).
 *
 * Throws BlockRaceError when a member changed under the claim (a single number taken from a block
 * meanwhile): the caller retries (withBlockRetry). Returns `{ found }` when fewer whole blocks are
 * free than asked, `{ holdExpired }` when the named hold is not the partner's live hold on this PBX.
 */
export async function placeOrder(db: Db, o: PlaceOrder): Promise<PlaceOutcome> {
  const { request, quote } = o;
  const hold = request.holdId ?? null;
  const count = request.blockCount;
  const size = request.blockSize;
  const sum = (kind: string) =>
    quote.lines
      .filter((l) => l.kind === kind)
      .reduce((s, l) => s.add(l.amount), new Prisma.Decimal(0))
      .toFixed(2);
  const lines = quote.lines;
  const detail = JSON.stringify({
    pbxId: o.pbxId,
    countryCode: request.countryCode,
    type: request.type,
    blockSize: size,
    blockCount: count,
  });
  // The partner's own held blocks first (pass 0), then free ones (pass 1) for what is still missing.
  const heads = hold
    ? Prisma.sql`
      "held" AS (${claimHeadsSql(request, Prisma.sql`${count}::int`, true)}),
      "free" AS (${claimHeadsSql(request, Prisma.sql`(SELECT ${count}::int - count(*) FROM "held")`, false, Prisma.sql`AND h."id" NOT IN (SELECT "id" FROM "held")`)}),
      "heads" AS (SELECT 0 AS "pass", * FROM "held" UNION ALL SELECT 1, * FROM "free")`
    : Prisma.sql`
      "free" AS (${claimHeadsSql(request, Prisma.sql`${count}::int`, false)}),
      "heads" AS (SELECT 1 AS "pass", * FROM "free")`;

  const [row] = await db.$queryRaw<{ holdOk: boolean; found: number; locked: number; answer: OrderResult | null }[]>`
    WITH ${heads},
    "members" AS (${lockMembersSql(request, Prisma.sql`"heads" h`)}),
    "verdict" AS (
      SELECT (${hold}::text IS NULL OR EXISTS (
                SELECT 1 FROM "NumberHold" WHERE "id" = ${hold}::text AND "partnerId" = ${o.partnerId} AND "pbxId" = ${o.pbxId} AND "expiresAt" > ${o.now})) AS "holdOk",
             (SELECT count(*) FROM "heads")::int AS "found",
             (SELECT count(*) FROM "members")::int AS "locked"),
    -- One row when the order can be written: every later write is joined to it, so none happens otherwise.
    "go" AS (SELECT 1 FROM "verdict" WHERE "holdOk" AND "found" = ${count}::int AND "locked" = ${count * size}::int),
    "order" AS (
      INSERT INTO "NumberOrder" ("id", "partnerId", "pbxId", "countryCode", "type", "areaName", "blockSize", "blockCount", "status", "currency",
                                 "setupTotal", "monthlyTotal", "chargeTotal", "idempotencyKey", "requestHash", "createdById", "createdAt")
      SELECT ${o.orderId}, ${o.partnerId}, ${o.pbxId}, ${request.countryCode}, ${request.type}::"NumberType", ${request.areaName ?? null}::text, ${size}::int, ${count}::int, 'COMPLETED', ${quote.currency},
             ${sum("NUMBER_SETUP")}::numeric, ${sum("NUMBER_MONTHLY")}::numeric, ${quote.total.toFixed(2)}::numeric, ${o.idempotency.key}, ${o.idempotency.hash}, ${o.actorId}, ${o.now}
      FROM "go"
      RETURNING "id"),
    "lines" AS (
      INSERT INTO "NumberOrderLine" ("id", "orderId", "sortOrder", "kind", "description", "quantity", "unitPrice", "amount", "formula")
      SELECT ${NEW_ID}, o."id", l."n" - 1, l."kind", l."description", l."quantity", l."unitPrice", l."amount", l."formula"
      FROM "order" o CROSS JOIN unnest(${lines.map((l) => l.kind)}::text[], ${lines.map((l) => l.description)}::text[], ${lines.map((l) => l.quantity)}::int[],
                                       ${lines.map((l) => l.unitPrice.toString())}::numeric[], ${lines.map((l) => l.amount.toString())}::numeric[], ${lines.map((l) => l.formula)}::text[])
           WITH ORDINALITY AS l("kind", "description", "quantity", "unitPrice", "amount", "formula", "n")),
    "blocks" AS (
      INSERT INTO "NumberOrderBlock" ("id", "orderId", "firstE164", "lastE164", "size")
      SELECT ${NEW_ID}, o."id", h."e164", h."last", ${size}::int FROM "heads" h CROSS JOIN "order" o
      RETURNING "id", "firstE164"),
    "assigned" AS (
      UPDATE "PhoneNumber" p SET "status" = 'ASSIGNED', "partnerId" = ${o.partnerId}, "pbxId" = ${o.pbxId}, "orderBlockId" = b."id",
        "assignedAt" = ${o.now}, "holdId" = NULL, "heldByPartnerId" = NULL, "heldSince" = NULL, "quarantineUntil" = NULL, "updatedAt" = ${o.now}
      FROM "members" m JOIN "blocks" b ON b."firstE164" = m."head"
      WHERE p."id" = m."id"
      RETURNING p."id"),
    "events" AS (
      INSERT INTO "PhoneNumberEvent" ("id", "phoneNumberId", "kind", "actorId", "partnerId", "pbxId", "orderId", "createdAt")
      SELECT ${NEW_ID}, a."id", k."kind"::"PhoneNumberEventKind", ${o.actorId}, ${o.partnerId}, ${o.pbxId}, ${o.orderId}, ${o.now}
      FROM "assigned" a CROSS JOIN (VALUES ('ORDERED'), ('ASSIGNED')) AS k("kind")),
    "unhold" AS (DELETE FROM "NumberHold" WHERE "id" = ${hold}::text AND EXISTS (SELECT 1 FROM "order")),
    "audit" AS (
      INSERT INTO "AuditLog" ("actorId", "action", "entityType", "entityId", "detail", "requestId")
      SELECT ${o.actorId}, 'numbers.ordered', 'NumberOrder', o."id", ${detail}::jsonb, ${currentRequestId() ?? null}::text FROM "order" o),
    "answer" AS (
      SELECT jsonb_build_object(
               'orderId', ${o.orderId}::text,
               'blocks', (SELECT jsonb_agg(jsonb_build_object('firstE164', h."e164", 'lastE164', h."last", 'size', ${size}::int) ORDER BY h."pass", h."e164") FROM "heads" h),
               'chargeTotal', ${quote.total.toFixed(2)}::text,
               'currency', ${quote.currency}::text) AS "body"
      FROM "go"),
    "stored" AS (
      UPDATE "IdempotencyRecord" r SET "state" = 'DONE', "responseStatus" = 200, "responseBody" = a."body", "updatedAt" = ${o.now}
      FROM "answer" a
      WHERE r."partnerId" = ${o.partnerId} AND r."scope" = ${o.idempotency.scope} AND r."key" = ${o.idempotency.key}),
    ${webhookEventCtes({
      partnerId: o.partnerId,
      type: "number_order.completed",
      data: Prisma.sql`(a."body" - 'orderId') || jsonb_build_object('id', ${o.orderId}::text, 'pbxId', ${o.pbxId}::text, 'countryCode', ${request.countryCode}::text,
        'type', ${request.type}::text, 'blockSize', ${size}::int, 'blockCount', ${count}::int, 'status', 'COMPLETED',
        'createdAt', ${o.now.toISOString()}::text)`,
      from: Prisma.sql`"answer" a`,
      now: o.now,
    })}
    SELECT v."holdOk", v."found", v."locked", (SELECT "body" FROM "answer") AS "answer" FROM "verdict" v`;

  if (!row.holdOk) return { holdExpired: true };
  if (row.locked !== row.found * size) throw new BlockRaceError("A block changed while it was claimed.");
  if (row.found < count) return { found: row.found };
  // The answer returned is the one stored for replays, byte for byte.
  return { placed: row.answer! };
}
