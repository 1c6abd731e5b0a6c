import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { RangeRow } from "./range-import";

/** The admin's inventory: counts by country, type and state; ranges newest first with their import. */
export async function inventoryOverview(db: Db, actor: Actor, input: { q?: string }) {
  assertCan(actor, "numbers.manage_inventory");
  const digits = input.q?.replace(/[^0-9]/g, "");
  const [counts, ranges, imports, matches] = await Promise.all([
    db.phoneNumber.groupBy({
      by: ["countryCode", "type", "status"],
      _count: true,
      orderBy: [{ countryCode: "asc" }, { type: "asc" }],
    }),
    db.numberRange.findMany({
      orderBy: { createdAt: "desc" },
      take: 50,
      select: {
        id: true,
        countryCode: true,
        type: true,
        areaName: true,
        firstE164: true,
        lastE164: true,
        size: true,
        createdAt: true,
        import: { select: { id: true, fileName: true } },
      },
    }),
    db.numberRangeImport.findMany({
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        fileName: true,
        status: true,
        rowCount: true,
        acceptedCount: true,
        rejectedCount: true,
        numberCount: true,
        createdAt: true,
      },
    }),
    digits
      ? db.phoneNumber.findMany({
          where: { e164: { startsWith: `+${digits}` } },
          orderBy: { e164: "asc" },
          take: 50,
          select: { id: true, e164: true, status: true, type: true, pbx: { select: { name: true } } },
        })
      : Promise.resolve(null),
  ]);
  const byProduct = new Map<
    string,
    { countryCode: string; type: string; states: Record<string, number>; total: number }
  >();
  for (const c of counts) {
    const key = `${c.countryCode}:${c.type}`;
    const entry = byProduct.get(key) ?? { countryCode: c.countryCode, type: c.type, states: {}, total: 0 };
    entry.states[c.status] = c._count;
    entry.total += c._count;
    byProduct.set(key, entry);
  }
  return { products: [...byProduct.values()], ranges, imports, matches };
}

/** One number's history for the admin: who ordered, assigned, released it, when. */
export async function numberHistory(db: Db, actor: Actor, numberId: string) {
  assertCan(actor, "numbers.manage_inventory");
  return db.phoneNumber.findUnique({
    where: { id: numberId },
    select: {
      id: true,
      e164: true,
      countryCode: true,
      type: true,
      status: true,
      areaName: true,
      quarantineUntil: true,
      pbx: {
        select: { id: true, name: true, customer: { select: { name: true, partner: { select: { name: true } } } } },
      },
      events: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, createdAt: true, actorId: true, detail: true, orderId: true },
      },
    },
  });
}

/** An import's per-row report. */
export async function rangeImport(db: Db, actor: Actor, importId: string) {
  assertCan(actor, "numbers.manage_inventory");
  const found = await db.numberRangeImport.findUnique({ where: { id: importId } });
  return found && { ...found, rows: found.report as unknown as RangeRow[] };
}
