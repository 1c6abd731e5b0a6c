import { getExampleNumber, isValidPhoneNumber, type CountryCode } from "libphonenumber-js/max";
import { MAX_CALL_SECONDS } from "@/lib/cdr/import/call-row";
import examples from "libphonenumber-js/mobile/examples";
import type { CallDisposition, FreephoneSource, Prisma } from "../generated/client";
import { COUNTRIES, countryByCode } from "./countries";
import { addDays, startOfUtcMonth } from "./dates";
import { RANGES, type AssignedDid } from "./numbers";
import { PBXS, pbxId, userCount, type PbxSpec } from "./pbxs";
import { createRandom, type Random } from "./random";
import { CUSTOMERS, customerId, partnerId } from "./tenants";
import { WIDEST_OFFSET_MS } from "@/lib/cdr/statistics/day-labels";

// Calls are stored as a PBX reports them: no country, area, cost or End User price. The seed rates
// them with the real rating (lib/cdr/rating/rate-month.ts), as an import would: it never prices a
// call itself, so the demo shows what the rater computes (issue 29).
const CURRENCY = "EUR";
/** The PBX's users are extensions 100, 101, ...; a few talk far more than the rest. */
const FIRST_EXTENSION = 100;
/** Calls that never connect: busy, unanswered, failed (talk time 0, no charge). */
const DISPOSITIONS: [CallDisposition, number][] = [
  ["ANSWERED", 82],
  ["NO_ANSWER", 11],
  ["BUSY", 5],
  ["FAILED", 2],
];

// Standard-time offsets, DST ignored: the seed needs plausible office hours, not exact ones.
const UTC_OFFSET_HOURS: Record<string, number> = { DE: 1, ES: 1, FR: 1, GB: 0, IT: 1, NL: 1, US: -5 };

/** Local hour of the day: a morning and an afternoon peak, a lull at lunch. */
const WEEKDAY_HOURS: [number, number][] = [
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
const WEEKEND_HOURS: [number, number][] = [
  [10, 3],
  [11, 3],
  [12, 2],
  [14, 2],
  [15, 2],
  [16, 1],
];
const WEEKEND_SHARE = 0.04;
const INBOUND_SHARE = 0.42;
const FREEPHONE_SHARE_OF_INBOUND = 0.15;

/** Most calls stay in the country; few reach the expensive areas. */
const OUTBOUND_DESTINATIONS: ["domestic" | number, number][] = [
  ["domestic", 62],
  [1, 20],
  [2, 9],
  [3, 5],
  [4, 2.5],
  [5, 1],
  [6, 0.5],
];
const FREEPHONE_SOURCES: [FreephoneSource, number][] = [
  ["FIXED", 60],
  ["MOBILE", 37],
  ["PAYPHONE", 3],
];
/** Mean seconds: quick calls, ordinary conversations, the occasional conference. */
const DURATION_MEANS: [number, number][] = [
  [110, 72],
  [420, 25],
  [2400, 3],
];

/** Talk time after `ringSeconds` of ringing: R14's four hours cover both. */
function callDuration(random: Random, ringSeconds: number): number {
  const seconds = Math.round(random.exponential(random.weighted(DURATION_MEANS)));
  return Math.min(MAX_CALL_SECONDS - ringSeconds, Math.max(4, seconds));
}

/**
 * A number of someone outside the PBX: a landline near one of the inventory ranges where the country
 * has them, otherwise a variation of libphonenumber's example mobile number.
 */
function externalNumber(countryCode: string, kind: "fixed" | "mobile", random: Random): string {
  const landlines = RANGES.filter((range) => range.countryCode === countryCode && range.type === "GEOGRAPHIC");
  const template =
    kind === "fixed" && landlines.length > 0
      ? random.pick(landlines).first
      : getExampleNumber(countryCode as CountryCode, examples)!.number;
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = template.slice(0, -4) + String(random.int(0, 9999)).padStart(4, "0");
    if (isValidPhoneNumber(candidate)) return candidate;
  }
  return template;
}

const anyKind = (random: Random) => (random.chance(0.55) ? "fixed" : "mobile");

function pbxCalls(pbx: PbxSpec, today: Date, dids: AssignedDid[]): Prisma.CallRecordCreateManyInput[] {
  const service = pbx.service!;
  const random = createRandom(`calls:${pbx.key}`);
  const customer = CUSTOMERS[pbx.customer];
  const home = customer.countryCode;
  const users = userCount(pbx);
  const ownNumbers = dids.filter((did) => did.type !== "FREEPHONE");
  const freephones = dids.filter((did) => did.type === "FREEPHONE");
  const abroad = COUNTRIES.filter((country) => country.callTerminationArea <= 2 && country.code !== home);
  const destinationsByArea = new Map(
    [1, 2, 3, 4, 5, 6].map((area) => [
      area,
      COUNTRIES.filter((c) => c.callTerminationArea === area && c.code !== home),
    ]),
  );
  const activatedAt = addDays(today, -service.activatedDaysAgo);
  const tenant = {
    partnerId: partnerId(customer.partner),
    customerId: customerId(pbx.customer),
    pbxId: pbxId(pbx.key),
    currency: CURRENCY,
  };
  // Heavier users first: extension 100 places about as many calls as the next two together.
  const extensions: [string, number][] = Array.from({ length: users }, (_, i) => [
    String(FIRST_EXTENSION + i),
    1 / (i + 1),
  ]);
  let sequence = 0;

  /** Who answered, when, and for how long; the PBX's own call id. */
  const connection = (startedAt: Date) => {
    const disposition = random.weighted(DISPOSITIONS);
    const answered = disposition === "ANSWERED";
    const ringSeconds = answered ? random.int(2, 20) : 0;
    return {
      externalId: `${pbx.key}-${startedAt.getTime().toString(36)}-${(sequence++).toString(36)}`,
      disposition,
      answeredAt: answered ? new Date(startedAt.getTime() + ringSeconds * 1000) : null,
      durationSeconds: answered ? callDuration(random, ringSeconds) : 0,
    };
  };

  const outbound = (startedAt: Date): Prisma.CallRecordCreateManyInput => {
    const destination = random.weighted(OUTBOUND_DESTINATIONS);
    const country =
      destination === "domestic" ? countryByCode(home) : random.pick(destinationsByArea.get(destination)!);
    const call = connection(startedAt);
    const extension = random.weighted(extensions);
    return {
      ...tenant,
      ...call,
      extension,
      direction: "OUTBOUND",
      // R11: the caller ID is always one of the PBX's own DIDs.
      fromE164: random.pick(ownNumbers).e164,
      toE164: externalNumber(country.code, anyKind(random), random),
      startedAt,
    };
  };

  const inbound = (startedAt: Date): Prisma.CallRecordCreateManyInput => {
    const call = connection(startedAt);
    if (freephones.length > 0 && random.chance(FREEPHONE_SHARE_OF_INBOUND)) {
      // R7: the FreePhone owner pays per minute by the caller's source; toll-free numbers are domestic only.
      const did = random.pick(freephones);
      const source = random.weighted(FREEPHONE_SOURCES);
      return {
        ...tenant,
        ...call,
        direction: "INBOUND",
        fromE164: externalNumber(did.countryCode, source === "MOBILE" ? "mobile" : "fixed", random),
        toE164: did.e164,
        didE164: did.e164,
        freephoneSource: source,
        startedAt,
      };
    }
    const did = random.pick(ownNumbers);
    const callerCountry = random.chance(0.8) ? home : random.pick(abroad).code;
    return {
      ...tenant,
      ...call,
      direction: "INBOUND",
      fromE164: externalNumber(callerCountry, anyKind(random), random),
      toE164: did.e164,
      didE164: did.e164,
      startedAt,
    };
  };

  const rows: Prisma.CallRecordCreateManyInput[] = [];
  const offsetMs = UTC_OFFSET_HOURS[home] * 3_600_000;
  for (let day = startOfUtcMonth(today, -1); day < today; day = addDays(day, 1)) {
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const expected =
      users * service.callsPerUserPerWeekday! * (weekend ? WEEKEND_SHARE : 1) * (0.85 + 0.3 * random.next());
    const starts = Array.from({ length: Math.round(expected) }, () => {
      const localHour = random.weighted(weekend ? WEEKEND_HOURS : WEEKDAY_HOURS);
      return new Date(day.getTime() + localHour * 3_600_000 + random.int(0, 3599) * 1000 - offsetMs);
    }).sort((a, b) => a.getTime() - b.getTime());
    for (const startedAt of starts) {
      if (startedAt < activatedAt || startedAt >= today) continue;
      rows.push(random.chance(INBOUND_SHARE) ? inbound(startedAt) : outbound(startedAt));
    }
  }
  return rows;
}

/**
 * Call records from the start of last month to the seed's day, for the PBXs that have a call volume:
 * a full month to invoice and the current one to watch (R16).
 */
export function callRows(today: Date, didsOf: (pbxKey: string) => AssignedDid[]) {
  return PBXS.filter((pbx) => pbx.service?.callsPerUserPerWeekday).map((pbx) => ({
    pbxId: pbxId(pbx.key),
    rows: pbxCalls(pbx, today, didsOf(pbx.key)),
  }));
}

/**
 * The partner-local months (docs/decisions/0041) the seeded calls can fall in, "YYYY-MM": those of
 * the call window widened by 14 hours on each side.
 */
export function callMonths(today: Date): string[] {
  const first = startOfUtcMonth(new Date(startOfUtcMonth(today, -1).getTime() - WIDEST_OFFSET_MS));
  const last = new Date(today.getTime() + WIDEST_OFFSET_MS);
  const months: string[] = [];
  for (let month = first; month <= last; month = startOfUtcMonth(month, 1))
    months.push(month.toISOString().slice(0, 7));
  return months;
}
