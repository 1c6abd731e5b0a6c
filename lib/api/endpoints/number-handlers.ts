import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { searchAvailability } from "@/lib/numbers/availability";
import { orderFormOptions } from "@/lib/numbers/context";
import { IdempotencyKeyReusedError } from "@/lib/numbers/idempotency";
import { orderNumbers } from "@/lib/numbers/order";
import { loadNumberOrder, NUMBER_ROW_SELECT, numberWhere } from "@/lib/numbers/queries";
import { pageFrom } from "../cursor";
import { problemResponse } from "../problem";
import type {
  listNumbersEndpoint,
  orderNumbersEndpoint,
  searchAvailabilityEndpoint,
  TApiNumber,
  TApiOrder,
} from "./numbers";

type Query<E extends { query?: z.ZodType }> = z.output<NonNullable<E["query"]>>;
const iso = (instant: Date | null) => instant && instant.toISOString();

/** A page of the numbers the actor may see: the numbers page's filters (numberWhere) and rows, in E.164 order. */
export async function numbersPage(db: Db, actor: Actor, query: Query<typeof listNumbersEndpoint>) {
  assertCan(actor, "numbers.view");
  const filters = { pbx: query.pbxId, country: query.countryCode, type: query.type, status: query.status, q: query.q };
  const rows = await db.phoneNumber.findMany({
    where: { AND: [numberWhere(actor, filters), query.cursor ? { e164: { gt: query.cursor[0] } } : {}] },
    orderBy: { e164: "asc" },
    take: query.limit + 1,
    select: NUMBER_ROW_SELECT,
  });
  const page = pageFrom(rows, query.limit, (row) => [row.e164]);
  return {
    next: page.next,
    data: page.data.map((row): TApiNumber => ({
      id: row.id,
      e164: row.e164,
      countryCode: row.countryCode,
      type: row.type,
      status: row.status,
      areaName: row.areaName,
      pbxId: row.pbx?.id ?? null,
      cnam: row.cnam,
      emergencyStatus: row.emergencyStatus,
      assignedAt: iso(row.assignedAt),
    })),
  };
}

/** What can be ordered on the PBX, as the portal's order form offers it (orderFormOptions). */
export async function numberProducts(db: Db, actor: Actor, pbxId: string, now: Date) {
  const { pbx, currency, products } = await orderFormOptions(db, actor, pbxId, now);
  return {
    pbx: { id: pbx.id, name: pbx.name, termExpiry: pbx.termExpiry.toISOString() },
    currency,
    products: products.map(({ stock: { blocks, areas }, ...product }) => ({ ...product, stock: { blocks, areas } })),
  };
}

/** The free blocks per area (searchAvailability), narrowed to the area and block size asked for. */
export async function availability(db: Db, actor: Actor, query: Query<typeof searchAvailabilityEndpoint>) {
  const { blockSize, ...choice } = query;
  const { areas } = await searchAvailability(db, actor, { ...choice, blockSize: blockSize ?? 1 });
  return {
    areas: areas.filter(
      (area) => (!query.areaName || area.areaName === query.areaName) && (!blockSize || area.blocks[blockSize] > 0),
    ),
  };
}

/**
 * Orders through the portal's one order function, the `Idempotency-Key` header as its key: a replay
 * answers the stored first answer with `Idempotent-Replayed`, a key reused with another body is 422.
 */
export async function orderApiNumbers(
  db: Db,
  actor: Actor,
  request: { url: string; key: string; body: z.output<NonNullable<typeof orderNumbersEndpoint.body>> },
  now: Date,
) {
  try {
    const { replayed, result } = await orderNumbers(db, actor, { ...request.body, idempotencyKey: request.key }, now);
    return new Response(JSON.stringify(result), {
      status: 201,
      headers: {
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
        ...(replayed ? { "Idempotent-Replayed": "true" } : {}),
      },
    });
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError)
      return problemResponse(error, new URL(request.url).pathname, {}, 422);
    throw error;
  }
}

/** One order in the actor's scope (the order page's query); another partner's is NOT_FOUND. */
export async function apiNumberOrder(db: Db, actor: Actor, id: string): Promise<TApiOrder> {
  const order = await loadNumberOrder(db, actor, id);
  // A partner's own actor always sees its purchase prices; an order without them is not its to read here.
  if (!order?.charges) throw new AppError("NOT_FOUND", "This order does not exist.");
  const { charges, blocks, createdAt, ...rest } = order;
  return {
    ...rest,
    blocks: blocks.map(({ numbers, firstE164, lastE164, size }) => ({
      firstE164,
      lastE164,
      size,
      numbers: numbers.map((n) => n.e164),
    })),
    charges: {
      currency: charges.currency,
      total: charges.total.toFixed(2),
      lines: charges.lines.map((line) => ({ ...line, amount: line.amount.toFixed(2) })),
    },
    createdAt: createdAt.toISOString(),
  };
}
