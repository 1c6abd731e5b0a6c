import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { csvRow } from "@/lib/csv/cell";
import { statisticsFigure } from "./figures";
import { callRecordWhere, type TStatisticsScope } from "./where";

export const CALL_PAGE_SIZE = 50;
const EXPORT_BATCH = 5_000;

const SELECT = {
  id: true,
  startedAt: true,
  direction: true,
  fromE164: true,
  toE164: true,
  countryCode: true,
  area: true,
  durationSeconds: true,
  billedSeconds: true,
  cost: true,
  currency: true,
  pbx: { select: { id: true, name: true } },
} satisfies Prisma.CallRecordSelect;

export type TCallRow = { id: string; startedAt: string; direction: "INBOUND" | "OUTBOUND"; fromE164: string; toE164: string; countryCode: string | null; area: number | null; durationSeconds: number; billedSeconds: number; cost: string; currency: string; pbx: { id: string; name: string } };

function toRow(call: Prisma.CallRecordGetPayload<{ select: typeof SELECT }>): TCallRow {
  return { ...call, id: call.id.toString(), startedAt: call.startedAt.toISOString(), cost: call.cost.toFixed(5) };
}

// The id breaks ties, so a page boundary never repeats or skips a call among equal sort keys.
function orderBy(sort: TStatisticsScope["filters"]["sort"]): Prisma.CallRecordOrderByWithRelationInput[] {
  const [column, order] = sort.split(".") as ["startedAt" | "durationSeconds" | "cost", "asc" | "desc"];
  return [{ [column]: order }, { id: order }];
}

/**
 * One page of the calls the filters select, from the raw table by its (tenant, startedAt) indexes.
 * The total comes from the daily roll-up (a count over millions of raw rows is what the roll-ups
 * exist to avoid), or from the raw rows under a number filter.
 */
export async function listCalls(db: Db, context: TStatisticsScope): Promise<{ calls: TCallRow[]; total: number; page: number; pageSize: number }> {
  assertCan(context.actor, "statistics.view");
  const { page, sort } = context.filters;
  const [calls, answered] = await Promise.all([
    db.callRecord.findMany({ where: callRecordWhere(context), orderBy: orderBy(sort), skip: (page - 1) * CALL_PAGE_SIZE, take: CALL_PAGE_SIZE, select: SELECT }),
    statisticsFigure(db, context, "answered"),
  ]);
  return { calls: calls.map(toRow), total: answered.calls, page, pageSize: CALL_PAGE_SIZE };
}

export const CALL_CSV_HEADER = ["Call id", "Start (UTC)", "PBX", "Direction", "From", "To", "Country", "Area", "Duration (s)", "Billed (s)", "Cost", "Currency"];

/**
 * Exactly the calls the filters select, as CSV, read in batches by keyset (startedAt, id) so memory
 * stays flat however many rows there are; the sort and page of the screen do not apply.
 */
export async function* callsCsv(db: Db, context: TStatisticsScope): AsyncGenerator<string> {
  assertCan(context.actor, "statistics.view");
  yield csvRow(CALL_CSV_HEADER);
  const where = callRecordWhere(context);
  let after: { startedAt: Date; id: bigint } | undefined;
  for (;;) {
    const batch = await db.callRecord.findMany({
      where: after ? { AND: [where, { OR: [{ startedAt: { gt: after.startedAt } }, { startedAt: after.startedAt, id: { gt: after.id } }] }] } : where,
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: EXPORT_BATCH,
      select: SELECT,
    });
    if (!batch.length) return;
    yield batch
      .map((c) => csvRow([c.id.toString(), c.startedAt.toISOString(), c.pbx.name, c.direction, c.fromE164, c.toE164, c.countryCode ?? "", c.area?.toString() ?? "", String(c.durationSeconds), String(c.billedSeconds), c.cost.toFixed(5), c.currency]))
      .join("");
    const last = batch[batch.length - 1];
    after = { startedAt: last.startedAt, id: last.id };
  }
}
