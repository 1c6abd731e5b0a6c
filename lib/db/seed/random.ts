import { createHash } from "node:crypto";

/** A small seeded PRNG, so the demo data is the same on every machine and every run. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number;
}

/** 32-bit FNV-1a of a string: turns a readable stream name into a mulberry32 state. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * mulberry32. Each part of the seed takes its own named stream, so adding data to one part does not
 * reshuffle the others.
 */
export function createRandom(stream: string): Random {
  let state = hashString(stream);
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[int(0, items.length - 1)],
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return items[items.length - 1][0];
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
  };
}

/**
 * A fixed id for a seeded row, shaped like a cuid ("c" + 24 base-36 characters) so it passes the same
 * validation as ids the app creates, and stable across runs so re-seeding skips what exists.
 */
export function seedId(key: string): string {
  const digest = createHash("sha256").update(`classound-seed:${key}`).digest();
  return (
    "c" +
    BigInt(`0x${digest.toString("hex")}`)
      .toString(36)
      .slice(0, 24)
  );
}
