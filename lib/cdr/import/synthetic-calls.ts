import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { getExampleNumber, type CountryCode } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import { createRandom } from "@/lib/db/seed/random";
import { CALL_COLUMNS, MAX_CALL_SECONDS } from "./call-row";

export interface SyntheticPbx {
  serial: string;
  users: number;
  /** The PBX's own numbers (caller ID out, DIDs in). */
  dids: string[];
}

// Where calls go: mostly the home country (Area 1), few to the expensive areas (as in the seed).
const DESTINATIONS: [CountryCode, number][] = [
  ["DE", 55],
  ["FR", 6],
  ["GB", 6],
  ["US", 5],
  ["IT", 4],
  ["ES", 4],
  ["PL", 5],
  ["CZ", 3],
  ["TR", 3],
  ["BR", 2],
  ["IN", 2.5],
  ["CN", 1.5],
  ["NG", 1],
  ["PH", 1],
  ["CU", 0.5],
];
const HOURS: [number, number][] = [
  [7, 2],
  [8, 6],
  [9, 10],
  [10, 12],
  [11, 11],
  [12, 6],
  [13, 7],
  [14, 10],
  [15, 11],
  [16, 10],
  [17, 6],
  [18, 3],
  [19, 1],
];
const DISPOSITIONS: [string, number][] = [
  ["answered", 82],
  ["no_answer", 11],
  ["busy", 5],
  ["failed", 2],
];
const DURATION_MEANS: [number, number][] = [
  [110, 72],
  [420, 25],
  [2400, 3],
];

const example = (country: CountryCode) => getExampleNumber(country, examples)!.number as string;

/**
 * Writes `calls` call records of the given PBXs over one month as a CDR file: office hours, a few
 * heavy users per PBX, 42 % incoming, durations from a mix of exponentials capped at four hours,
 * 18 % unanswered. Deterministic for a seed name. Returns the path when the file is complete.
 */
export async function writeSyntheticCalls(
  path: string,
  { calls, pbxs, month, seed = "cdr" }: { calls: number; pbxs: SyntheticPbx[]; month: Date; seed?: string },
) {
  const random = createRandom(seed);
  const templates = new Map(DESTINATIONS.map(([country]) => [country, example(country)]));
  const number = (country: CountryCode) =>
    templates.get(country)!.slice(0, -4) + String(random.int(0, 9999)).padStart(4, "0");
  const days = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0)).getUTCDate();
  const out = createWriteStream(path);
  const lines: string[] = [CALL_COLUMNS.join(",")];
  const flush = async () => {
    if (!out.write(lines.join("\n") + "\n")) await once(out, "drain");
    lines.length = 0;
  };
  for (let i = 0; i < calls; i++) {
    const pbx = pbxs[Math.floor(random.next() ** 1.5 * pbxs.length)];
    const start = Date.UTC(
      month.getUTCFullYear(),
      month.getUTCMonth(),
      random.int(1, days),
      random.weighted(HOURS),
      random.int(0, 59),
      random.int(0, 59),
    );
    const disposition = random.weighted(DISPOSITIONS);
    const answered = disposition === "answered";
    const ring = random.int(2, 25);
    const duration = answered
      ? Math.min(MAX_CALL_SECONDS - ring, Math.max(1, Math.round(random.exponential(random.weighted(DURATION_MEANS)))))
      : 0;
    const inbound = random.chance(0.42);
    const did = random.pick(pbx.dids);
    const outside = number(inbound ? "DE" : random.weighted(DESTINATIONS));
    const extension = String(100 + Math.floor(random.next() ** 2 * pbx.users));
    lines.push(
      [
        `c${i.toString(36)}`,
        pbx.serial,
        inbound ? "in" : "out",
        inbound ? outside : did,
        inbound ? did : outside,
        inbound ? "" : extension,
        inbound ? did : "",
        new Date(start).toISOString(),
        answered ? new Date(start + ring * 1000).toISOString() : "",
        duration,
        disposition,
        "",
      ].join(","),
    );
    if (lines.length >= 5_000) await flush();
  }
  await flush();
  out.end();
  await once(out, "finish");
  return path;
}
