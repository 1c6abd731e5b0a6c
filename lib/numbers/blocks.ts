import type { NumberType } from "@/lib/db/generated/enums";

/** R6: numbers are ordered in blocks of 1, 10 or 100. */
export const BLOCK_SIZES = [1, 10, 100] as const;
export type BlockSize = (typeof BLOCK_SIZES)[number];

export const NUMBER_TYPES = ["GEOGRAPHIC", "MOBILE", "FREEPHONE"] as const satisfies readonly NumberType[];

export const NUMBER_TYPE_LABEL: Record<NumberType, string> = {
  GEOGRAPHIC: "Geographic",
  MOBILE: "Mobile",
  FREEPHONE: "FreePhone",
};

/** How many trailing digits a block spans: a block of 10 starts at …0, a block of 100 at …00. */
export function blockDigits(size: BlockSize): number {
  return Math.round(Math.log10(size));
}

/** The last number of the aligned block starting at `first`. */
export function blockLast(first: string, size: BlockSize): string {
  const k = blockDigits(size);
  return first.slice(0, first.length - k) + "9".repeat(k);
}

export function isAlignedBlock(e164s: readonly string[], size: BlockSize): boolean {
  if (e164s.length !== size) return false;
  const k = blockDigits(size);
  const sorted = [...e164s].sort();
  const prefix = sorted[0].slice(0, sorted[0].length - k);
  return sorted.every(
    (n, i) =>
      n.length === sorted[0].length &&
      n.startsWith(prefix) &&
      Number(n.slice(n.length - k || n.length)) === (k ? i : 0),
  );
}

/** Group numbers (any order) into consecutive runs: the order result lists them block by block. */
export function contiguousRuns(e164s: readonly string[]): string[][] {
  const sorted = [...e164s].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const runs: string[][] = [];
  for (const n of sorted) {
    const run = runs.at(-1);
    if (run && BigInt(n.slice(1)) === BigInt(run.at(-1)!.slice(1)) + 1n) run.push(n);
    else runs.push([n]);
  }
  return runs;
}
