import type { NumberType, Prisma } from "../generated/client";
import { addDays } from "./dates";
import { PBXS, pbxId } from "./pbxs";
import { seedId } from "./random";
import { CUSTOMERS, partnerId } from "./tenants";

interface NumberRange {
  key: string;
  countryCode: string;
  type: NumberType;
  /** City or area of a geographic range. */
  areaName?: string;
  /** E.164 of the first number; the range counts up from it and never carries into another prefix. */
  first: string;
  size: number;
}

/**
 * The operator's number inventory (R6, R7): contiguous ranges of real numbering plans, valid for
 * libphonenumber-js. UK ranges are Ofcom's drama ranges where one exists.
 */
export const RANGES: NumberRange[] = [
  { key: "DE-MUC", countryCode: "DE", type: "GEOGRAPHIC", areaName: "Munich", first: "+498912345000", size: 200 },
  { key: "DE-AUG", countryCode: "DE", type: "GEOGRAPHIC", areaName: "Augsburg", first: "+4982124700000", size: 100 },
  { key: "DE-HAM", countryCode: "DE", type: "GEOGRAPHIC", areaName: "Hamburg", first: "+494032908000", size: 100 },
  { key: "DE-BER", countryCode: "DE", type: "GEOGRAPHIC", areaName: "Berlin", first: "+493020914000", size: 100 },
  { key: "DE-MOB", countryCode: "DE", type: "MOBILE", first: "+4915217480000", size: 100 },
  { key: "DE-FREE", countryCode: "DE", type: "FREEPHONE", first: "+498007240100", size: 100 },
  { key: "IT-MIL", countryCode: "IT", type: "GEOGRAPHIC", areaName: "Milan", first: "+390280881000", size: 200 },
  { key: "IT-ROM", countryCode: "IT", type: "GEOGRAPHIC", areaName: "Rome", first: "+390694802000", size: 100 },
  { key: "IT-TRN", countryCode: "IT", type: "GEOGRAPHIC", areaName: "Turin", first: "+390111950300", size: 100 },
  { key: "IT-MOB", countryCode: "IT", type: "MOBILE", first: "+393512340000", size: 100 },
  { key: "IT-FREE", countryCode: "IT", type: "FREEPHONE", first: "+39800912300", size: 100 },
  { key: "FR-PAR", countryCode: "FR", type: "GEOGRAPHIC", areaName: "Paris", first: "+33184882000", size: 200 },
  { key: "FR-LYS", countryCode: "FR", type: "GEOGRAPHIC", areaName: "Lyon", first: "+33481913000", size: 100 },
  { key: "FR-FREE", countryCode: "FR", type: "FREEPHONE", first: "+33800912000", size: 100 },
  { key: "GB-LON", countryCode: "GB", type: "GEOGRAPHIC", areaName: "London", first: "+442079460000", size: 200 },
  { key: "GB-MAN", countryCode: "GB", type: "GEOGRAPHIC", areaName: "Manchester", first: "+441614960000", size: 100 },
  { key: "GB-MOB", countryCode: "GB", type: "MOBILE", first: "+447452900000", size: 100 },
  { key: "GB-FREE", countryCode: "GB", type: "FREEPHONE", first: "+448081570000", size: 100 },
  { key: "US-BOS", countryCode: "US", type: "GEOGRAPHIC", areaName: "Boston", first: "+16172493000", size: 200 },
  { key: "US-NYC", countryCode: "US", type: "GEOGRAPHIC", areaName: "New York", first: "+16464802000", size: 100 },
  { key: "US-FREE", countryCode: "US", type: "FREEPHONE", first: "+18884405000", size: 100 },
  { key: "ES-BCN", countryCode: "ES", type: "GEOGRAPHIC", areaName: "Barcelona", first: "+34932204000", size: 100 },
  { key: "ES-MAD", countryCode: "ES", type: "GEOGRAPHIC", areaName: "Madrid", first: "+34911235000", size: 100 },
  { key: "ES-FREE", countryCode: "ES", type: "FREEPHONE", first: "+34900813000", size: 100 },
  { key: "NL-RTM", countryCode: "NL", type: "GEOGRAPHIC", areaName: "Rotterdam", first: "+31108203000", size: 100 },
  { key: "NL-AMS", countryCode: "NL", type: "GEOGRAPHIC", areaName: "Amsterdam", first: "+31208081000", size: 100 },
  { key: "NL-FREE", countryCode: "NL", type: "FREEPHONE", first: "+318000220100", size: 100 },
  { key: "BE-BRU", countryCode: "BE", type: "GEOGRAPHIC", areaName: "Brussels", first: "+3228081000", size: 100 },
  { key: "BE-FREE", countryCode: "BE", type: "FREEPHONE", first: "+3280012000", size: 100 },
  { key: "AT-VIE", countryCode: "AT", type: "GEOGRAPHIC", areaName: "Vienna", first: "+43125305000", size: 100 },
  { key: "AT-MOB", countryCode: "AT", type: "MOBILE", first: "+4369912340000", size: 100 },
  { key: "CA-TOR", countryCode: "CA", type: "GEOGRAPHIC", areaName: "Toronto", first: "+14168403000", size: 100 },
  { key: "CA-YUL", countryCode: "CA", type: "GEOGRAPHIC", areaName: "Montreal", first: "+15143602000", size: 100 },
];

/** Blocks a former customer released, held back before they are offered again. */
const QUARANTINED: { range: string; count: number }[] = [
  { range: "DE-BER", count: 10 },
  { range: "GB-LON", count: 10 },
];

/** R12: caller names registered for US and Canadian DIDs, at most 15 characters. */
const CNAM: Record<string, string> = { "boston-dispatch": "BAYSIDE FREIGHT" };

export const numberId = (e164: string) => seedId(`number:${e164}`);

function rangeNumbers(range: NumberRange): string[] {
  const first = BigInt(range.first.slice(1));
  return Array.from({ length: range.size }, (_, i) => `+${first + BigInt(i)}`);
}

export interface AssignedDid {
  e164: string;
  countryCode: string;
  type: NumberType;
}

/**
 * The whole inventory, with the blocks the PBXs with the service hold taken from the start of each
 * range in PBX order, so each PBX's DIDs form contiguous blocks (R6).
 */
export function numberRows(today: Date) {
  const byKey = new Map(RANGES.map((range) => [range.key, { range, numbers: rangeNumbers(range), next: 0 }]));
  const take = (key: string, count: number) => {
    const entry = byKey.get(key);
    if (!entry) throw new Error(`Unknown number range ${key}`);
    if (entry.next + count > entry.range.size) throw new Error(`Number range ${key} is exhausted`);
    const numbers = entry.numbers.slice(entry.next, entry.next + count);
    entry.next += count;
    return { range: entry.range, numbers };
  };

  const overrides = new Map<string, Partial<Prisma.PhoneNumberCreateManyInput>>();
  const didsByPbx = new Map<string, AssignedDid[]>();
  for (const pbx of PBXS) {
    if (!pbx.service) continue;
    const assignedAt = addDays(today, -pbx.service.activatedDaysAgo);
    const dids: AssignedDid[] = [];
    for (const block of pbx.service.numbers) {
      const { range, numbers } = take(block.range, block.count);
      for (const e164 of numbers) {
        dids.push({ e164, countryCode: range.countryCode, type: range.type });
        overrides.set(e164, {
          status: "ASSIGNED",
          partnerId: partnerId(CUSTOMERS[pbx.customer].partner),
          pbxId: pbxId(pbx.key),
          assignedAt,
          cnam: range.type === "FREEPHONE" ? null : (CNAM[pbx.key] ?? null),
        });
      }
    }
    didsByPbx.set(pbx.key, dids);
  }
  for (const block of QUARANTINED) {
    for (const e164 of take(block.range, block.count).numbers)
      overrides.set(e164, { status: "QUARANTINE", quarantineUntil: addDays(today, 12) });
  }

  const rows = RANGES.flatMap((range) =>
    byKey.get(range.key)!.numbers.map((e164): Prisma.PhoneNumberCreateManyInput => ({
      id: numberId(e164),
      e164,
      countryCode: range.countryCode,
      type: range.type,
      areaName: range.areaName ?? null,
      rangeId: seedId(`range:${range.key}`),
      status: "AVAILABLE",
      ...overrides.get(e164),
    })),
  );
  const ranges = RANGES.map((range): Prisma.NumberRangeCreateManyInput => ({
    id: seedId(`range:${range.key}`),
    countryCode: range.countryCode,
    type: range.type,
    areaName: range.areaName ?? null,
    firstE164: range.first,
    lastE164: `+${BigInt(range.first.slice(1)) + BigInt(range.size - 1)}`,
    size: range.size,
  }));
  return {
    rows,
    ranges,
    didsOf: (pbxKey: string) => didsByPbx.get(pbxKey) ?? [],
  };
}
