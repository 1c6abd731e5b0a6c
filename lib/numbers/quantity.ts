import { formatCount, formatNumber } from "@/lib/format";
import type { BlockSize } from "./blocks";

/** At most this many blocks in one order (ZBlockChoice): 100 singles, 1,000 in tens, 10,000 in hundreds. */
export const MAX_BLOCKS_PER_ORDER = 100;
export const MAX_NUMBERS_PER_ORDER = MAX_BLOCKS_PER_ORDER * 100;

/** Free whole blocks of each size (per area, or all areas added up). */
export type BlockStock = Record<BlockSize, number>;

export interface QuantityBlocks {
  quantity: number;
  blockSize: BlockSize;
  blockCount: number;
  /** The stock has `blockCount` free blocks of `blockSize`. */
  fits: boolean;
  /** Why these blocks, in words the partner reads before submitting. */
  explanation: string;
}

const LARGEST_FIRST: readonly BlockSize[] = [100, 10, 1];

/** The block sizes a quantity can be ordered in, largest first: sizes that divide it, within the order's block limit. */
export function blockSizesFor(quantity: number): BlockSize[] {
  if (!Number.isInteger(quantity) || quantity < 1) return [];
  return LARGEST_FIRST.filter((s) => quantity % s === 0 && quantity / s <= MAX_BLOCKS_PER_ORDER);
}

/**
 * Why a whole quantity within the order's limits still cannot be ordered (too many single numbers),
 * or null. The schema reports non-integers and out-of-range counts with their own messages.
 */
export function quantityProblem(quantity: number): string | null {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_NUMBERS_PER_ORDER) return null;
  if (blockSizesFor(quantity).length) return null;
  const down = Math.floor(quantity / 10) * 10;
  return `${formatNumber(quantity)} is not a multiple of 10, and one order takes at most ${MAX_BLOCKS_PER_ORDER} single numbers: ask for ${formatNumber(down)} or ${formatNumber(down + 10)}.`;
}

const blocksText = (count: number, size: BlockSize) =>
  size === 1 ? formatCount(count, "single number") : `${formatCount(count, "block")} of ${size}`;

/**
 * Decision 0047: a quantity of numbers becomes blocks of ONE size, the largest that divides it and
 * that the stock has enough of (60 → 6 blocks of 10; 200 → 2 blocks of 100, or 20 of 10 when fewer
 * than two hundreds are free). A quantity that is not a multiple of 10 becomes single numbers. When
 * no size fits the stock, the largest possible size is returned with `fits: false`.
 * Returns null when the quantity cannot be ordered at all (quantityProblem says why).
 */
export function blocksForQuantity(quantity: number, stock: BlockStock): QuantityBlocks | null {
  const sizes = blockSizesFor(quantity);
  if (!sizes.length) return null;
  const fitting = sizes.find((s) => stock[s] >= quantity / s);
  const blockSize = fitting ?? sizes[0];
  const blockCount = quantity / blockSize;
  const shape = `${formatCount(quantity, "number")} = ${blocksText(blockCount, blockSize)}`;
  const notes = [
    quantity % 10 && quantity > 1 ? `${formatNumber(quantity)} is not a multiple of 10` : null,
    blockSize !== sizes[0] ? `not enough blocks of ${sizes[0]} are free` : null,
    blockSize === 1 && quantity > 1 ? "single numbers need not be consecutive" : null,
  ].filter(Boolean);
  const why = notes.length ? ` (${notes.join("; ")})` : "";
  if (fitting) return { quantity, blockSize, blockCount, fits: true, explanation: `${shape}${why}.` };
  const free = stock[blockSize];
  const left = free === 0 ? "none are" : `only ${blocksText(free, blockSize)} ${free === 1 ? "is" : "are"}`;
  return { quantity, blockSize, blockCount, fits: false, explanation: `${shape}, but ${left} free here.` };
}

/** A product's or area's stock beside its choice: "219 free: 1 block of 100, 21 of 10", or "No stock". */
export function stockSummary(stock: BlockStock): string {
  if (stock[1] === 0) return "No stock";
  const blocks = [
    stock[100] ? `${formatCount(stock[100], "block")} of 100` : null,
    stock[10] ? `${stock[100] ? formatNumber(stock[10]) : formatCount(stock[10], "block")} of 10` : null,
  ].filter(Boolean);
  return `${formatNumber(stock[1])} free${blocks.length ? `: ${blocks.join(", ")}` : ", no whole blocks of 10"}`;
}
