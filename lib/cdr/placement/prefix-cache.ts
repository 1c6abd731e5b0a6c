import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** Runs one SQL statement with positional parameters and answers its rows (a pg client or Prisma). */
export type Query = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

/** A prefix to place and numbers of it to place it by (one valid number is enough). */
export interface PrefixCandidate {
  prefix: string;
  samples: string[];
}

/**
 * The country libphonenumber-js gives the first valid sample (null: a valid number of no country,
 * such as +800), or undefined when no sample is valid: then nothing is learnt about the prefix.
 */
function placeSamples(samples: string[]): string | null | undefined {
  for (const sample of samples) {
    const number = parsePhoneNumberFromString(sample);
    if (number?.isValid()) return number.country ?? null;
  }
  return undefined;
}

/**
 * The country of each prefix (decision 0043): read from "NumberPrefixPlacement" when placed before,
 * else placed now by libphonenumber-js (10-80 µs a number, once per prefix ever) and stored there.
 * Two imports placing the same new prefix at once store one row (the key decides; both verdicts agree).
 * A prefix none of whose samples is valid is left out of the answer.
 */
export async function placePrefixes(query: Query, candidates: PrefixCandidate[]): Promise<Map<string, string | null>> {
  const verdicts = new Map<string, string | null>();
  if (candidates.length === 0) return verdicts;
  const cached = await query<{ prefix: string; countryCode: string | null }>(
    `SELECT prefix, "countryCode" FROM "NumberPrefixPlacement" WHERE prefix = ANY($1::text[])`,
    [candidates.map((c) => c.prefix)],
  );
  for (const row of cached) verdicts.set(row.prefix, row.countryCode);
  const placed: [string, string | null][] = [];
  for (const { prefix, samples } of candidates) {
    if (verdicts.has(prefix)) continue;
    const country = placeSamples(samples);
    if (country === undefined) continue;
    verdicts.set(prefix, country);
    placed.push([prefix, country]);
  }
  if (placed.length)
    await query(
      `INSERT INTO "NumberPrefixPlacement" (prefix, "countryCode")
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [placed.map(([prefix]) => prefix), placed.map(([, country]) => country)],
    );
  return verdicts;
}
