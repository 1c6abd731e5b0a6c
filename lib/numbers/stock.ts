import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { NumberType } from "@/lib/db/generated/enums";
import type { BlockStock } from "./quantity";

export interface AreaStock {
  /** null: numbers with no area (mobile, FreePhone, or a geographic range without one). */
  areaName: string | null;
  blocks: BlockStock;
}
export interface ProductStock {
  countryCode: string;
  type: NumberType;
  /** All areas added up: what an order for "any area" may take. */
  blocks: BlockStock;
  areas: AreaStock[];
}

const NONE = (): BlockStock => ({ 1: 0, 10: 0, 100: 0 });

/**
 * Free whole aligned blocks of 1, 10 and 100 per country, type and area, for every product at once
 * (the order form's picker), in ONE statement over the free numbers: free means AVAILABLE and under
 * no other partner's live hold, as availability.ts's blockCounts and the claim see it. A block is
 * counted in an area when all its numbers are free and in that area. The free numbers are grouped
 * once, into runs of ten under one prefix (a run of 10 is a free block of 10; ten such runs under one
 * prefix a block of 100): half the time of grouping them once per size (decision 0047).
 */
export async function stockByProduct(db: Db, partnerId: string | null): Promise<ProductStock[]> {
  const rows = await db.$queryRaw<
    { countryCode: string; type: NumberType; areaName: string | null; b1: number; b10: number; b100: number }[]
  >(Prisma.sql`
    WITH "runs" AS (
      SELECT n."countryCode", n."type", n."areaName", left(n."e164", length(n."e164") - 1) AS "prefix", length(n."e164") AS "len",
             count(*) AS "free"
      FROM "PhoneNumber" n
      WHERE n."status" = 'AVAILABLE'
        AND (n."holdId" IS NULL OR EXISTS (SELECT 1 FROM "NumberHold" x WHERE x."id" = n."holdId" AND (x."expiresAt" <= now() OR x."partnerId" = ${partnerId}::text)))
      GROUP BY 1, 2, 3, 4, 5),
    "hundreds" AS (
      SELECT "countryCode", "type", "areaName" FROM "runs" WHERE "free" = 10
      GROUP BY 1, 2, 3, left("prefix", "len" - 2), "len" HAVING count(*) = 10)
    SELECT "countryCode", "type"::text AS "type", "areaName", sum("b1")::int AS "b1", sum("b10")::int AS "b10", sum("b100")::int AS "b100"
    FROM (
      SELECT "countryCode", "type", "areaName", sum("free") AS "b1", count(*) FILTER (WHERE "free" = 10) AS "b10", 0 AS "b100"
      FROM "runs" GROUP BY 1, 2, 3
      UNION ALL SELECT "countryCode", "type", "areaName", 0, 0, count(*) FROM "hundreds" GROUP BY 1, 2, 3
    ) s
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3 NULLS FIRST`);
  const products = new Map<string, ProductStock>();
  for (const r of rows) {
    const key = `${r.countryCode}:${r.type}`;
    const product = products.get(key) ?? { countryCode: r.countryCode, type: r.type, blocks: NONE(), areas: [] };
    const blocks: BlockStock = { 1: r.b1, 10: r.b10, 100: r.b100 };
    product.areas.push({ areaName: r.areaName, blocks });
    for (const size of [1, 10, 100] as const) product.blocks[size] += blocks[size];
    products.set(key, product);
  }
  return [...products.values()];
}

/** The stock of one product, or none. */
export function stockOf(all: readonly ProductStock[], countryCode: string, type: NumberType): ProductStock {
  return (
    all.find((p) => p.countryCode === countryCode && p.type === type) ?? {
      countryCode,
      type,
      blocks: NONE(),
      areas: [],
    }
  );
}
