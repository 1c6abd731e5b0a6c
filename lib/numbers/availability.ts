import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { NumberType } from "@/lib/db/generated/enums";
import { parseOrThrow } from "@/lib/errors";
import { BLOCK_SIZES, NUMBER_TYPE_LABEL, blockDigits, type BlockSize } from "./blocks";
import { loadOrderPbx } from "./context";
import { ZBlockChoice, toLikePattern, type TBlockChoice, type TBlockChoiceInput } from "./schemas";
import { formatCount } from "@/lib/format";

type Reader = Db | Prisma.TransactionClient;

export interface AreaAvailability {
  areaName: string | null;
  /** Whole aligned blocks free now, by size. */
  blocks: Record<BlockSize, number>;
}

/**
 * How many aligned blocks of each size are free now, per area, for a country and number type: free
 * means AVAILABLE and under nobody else's live hold. One grouped query per size over the pool.
 */
export async function blockCounts(
  db: Reader,
  q: { countryCode: string; type: NumberType; pattern?: string | null; partnerId?: string | null },
): Promise<AreaAvailability[]> {
  const byArea = new Map<string, AreaAvailability>();
  for (const size of BLOCK_SIZES) {
    const k = blockDigits(size);
    const rows = await db.$queryRaw<{ areaName: string | null; blocks: bigint }[]>`
      SELECT "areaName", count(*)::bigint AS "blocks" FROM (
        SELECT "areaName", left("e164", length("e164") - ${k}::int) AS "prefix", length("e164") AS "len",
               bool_or(${q.pattern ?? null}::text IS NULL OR "e164" LIKE ${q.pattern ?? null}::text) AS "matches"
        FROM "PhoneNumber" n
        WHERE "countryCode" = ${q.countryCode} AND "type" = ${q.type}::"NumberType" AND "status" = 'AVAILABLE'
          AND ("holdId" IS NULL OR EXISTS (SELECT 1 FROM "NumberHold" x WHERE x."id" = n."holdId" AND (x."expiresAt" <= now() OR x."partnerId" = ${q.partnerId ?? null}::text)))
        GROUP BY 1, 2, 3 HAVING count(*) = ${size}::int
      ) b WHERE "matches" GROUP BY 1 ORDER BY 1`;
    for (const row of rows) {
      const key = row.areaName ?? "";
      const entry = byArea.get(key) ?? { areaName: row.areaName, blocks: { 1: 0, 10: 0, 100: 0 } };
      entry.blocks[size] = Number(row.blocks);
      byArea.set(key, entry);
    }
  }
  return [...byArea.values()];
}

/**
 * What to tell a partner whose order cannot be filled: what is left, in this area and elsewhere, and
 * the next step. A product with no numbers in stock at all says so and points to asking support for
 * them (the form offers "Request these numbers" beside it), instead of "only 0 blocks".
 */
export async function availabilityHint(db: Reader, input: TBlockChoice, found: number): Promise<string> {
  const [areas, inStock] = await Promise.all([
    blockCounts(db, { countryCode: input.countryCode, type: input.type }),
    // Held numbers are stock that may come back within the hour: only a product with none is "not in stock".
    db.phoneNumber.findFirst({
      where: { countryCode: input.countryCode, type: input.type, status: "AVAILABLE" },
      select: { id: true },
    }),
  ]);
  if (!inStock) {
    const country = await db.country.findUnique({ where: { code: input.countryCode }, select: { name: true } });
    return `No ${NUMBER_TYPE_LABEL[input.type].toLowerCase()} numbers in ${country?.name ?? input.countryCode} are free at the moment. Request them from support and they are added for you.`;
  }
  const here = areas.find((a) => (a.areaName ?? undefined) === input.areaName) ?? { blocks: { 1: 0, 10: 0, 100: 0 } };
  const where = input.areaName ? ` in ${input.areaName}` : "";
  const smaller = BLOCK_SIZES.filter((s) => s < input.blockSize && here.blocks[s] > 0).map(
    (s) => `${formatCount(here.blocks[s], "block")} of ${s}`,
  );
  const elsewhere = areas
    .filter((a) => a.areaName && a.areaName !== input.areaName && a.blocks[input.blockSize] > 0)
    .map((a) => `${a.areaName} (${a.blocks[input.blockSize]})`);
  const parts = [
    found === 0
      ? `No blocks of ${input.blockSize} are free${where}; you asked for ${input.blockCount}.`
      : `Only ${formatCount(found, "block")} of ${input.blockSize} ${found === 1 ? "is" : "are"} free${where}; you asked for ${input.blockCount}.`,
  ];
  if (smaller.length) parts.push(`Free${where}: ${smaller.join(", ")}.`);
  if (elsewhere.length) parts.push(`Blocks of ${input.blockSize} free in other areas: ${elsewhere.join(", ")}.`);
  parts.push("Ask for fewer numbers or another area, or request more from support.");
  return parts.join(" ");
}

/** The search page: free blocks per area for the PBX's partner (who may order on it). */
export async function searchAvailability(db: Db, actor: Actor, raw: Omit<TBlockChoiceInput, "blockCount">) {
  assertCan(actor, "numbers.order");
  const input = parseOrThrow(ZBlockChoice, { blockCount: 1, ...raw });
  const pbx = await loadOrderPbx(db, actor, input.pbxId);
  const areas = await blockCounts(db, {
    countryCode: input.countryCode,
    type: input.type,
    pattern: toLikePattern(input.pattern),
    partnerId: pbx.customer.partnerId,
  });
  return { areas };
}
