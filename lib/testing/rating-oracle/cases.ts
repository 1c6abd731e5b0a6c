import fc from "fast-check";
import { MAX_CALL_SECONDS } from "@/lib/cdr/import/call-row";
import type { CallDisposition, FreephoneSource } from "@/lib/db/generated/enums";
import {
  DID_TEMPLATES,
  INVENTORY_SIZE_PER_TEMPLATE,
  MONTH,
  NUMBER_TEMPLATES,
  PARTNER_TIERS,
  ZONES,
  numberFrom,
  type NumberTemplate,
  type TierKey,
} from "./catalogue";

/**
 * Random months of one PBX each, as fast-check arbitraries: calls near the partner-local month's
 * edges, on shared calling codes and both sides of Area boundaries, unanswered ones, FreePhone
 * sources (or none) on FreePhone DIDs and on other DIDs, a user crossing the 3,000 Area 1 minutes
 * inside one call, more than 200 SMS, tiers changing mid-month or with no list in force.
 */

const HOUR = 3_600;
const DAY = 24 * HOUR;

/** A call as it goes into the CDR file, times in UTC. */
export interface CaseCall {
  direction: "in" | "out";
  from: string;
  to: string;
  /** The DID column (empty: an inbound call's DID is `to`). */
  did: string;
  extension: string;
  startedAt: string;
  answeredAt: string;
  duration: number;
  disposition: CallDisposition;
  source: FreephoneSource | "";
}

export interface CaseSms {
  direction: "INBOUND" | "OUTBOUND";
  extension: string;
  sentAt: string;
}

export interface RatingCase {
  timeZone: string;
  /** The tier history: each tier from an instant (the first from 1970). */
  tiers: { tier: TierKey; from: string }[];
  calls: CaseCall[];
  sms: CaseSms[];
}

// ---- Local time: the partner's midnights as UTC instants (Intl only, no zone library).

function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second")) - at;
}

const midnights = new Map<string, number>();
/** The UTC instant of local midnight starting day `day` of the comparison's month (day 32 = next month's first). */
export function localMidnight(timeZone: string, day: number): number {
  const key = `${timeZone}:${day}`;
  let at = midnights.get(key);
  if (at === undefined) {
    const wall = Date.UTC(MONTH.year, MONTH.month - 1, day);
    at = wall - zoneOffsetMs(wall, timeZone);
    at = wall - zoneOffsetMs(at, timeZone); // once more: the offset at the instant itself (DST)
    midnights.set(key, at);
  }
  return at;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

// ---- Arbitraries.

/** When, as a place in the local month: near its first or last midnight, or anywhere inside. */
const whenArb = fc.oneof(
  { weight: 2, arbitrary: fc.record({ day: fc.constant(1), offset: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }) }) },
  { weight: 2, arbitrary: fc.record({ day: fc.constant(32), offset: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }) }) },
  {
    weight: 5,
    arbitrary: fc.record({ day: fc.integer({ min: 1, max: 31 }), offset: fc.integer({ min: 0, max: DAY - 1 }) }),
  },
);
type When = { day: number; offset: number };

const OUTBOUND_TEMPLATES = Object.keys(NUMBER_TEMPLATES) as NumberTemplate[];
const AREA1_TEMPLATES: NumberTemplate[] = ["DE_GEO", "DE_MOB", "US_NY", "CA_TOR", "CA_VAN", "GB_LON", "IT", "FI"];

/** The last four digits: a spread of 64 values, so numbers recur and each is placed once per run. */
const suffixArb = fc.integer({ min: 0, max: 63 }).map((n) => n * 157);
const sourceArb = fc.constantFrom<FreephoneSource | "">("FIXED", "MOBILE", "PAYPHONE", "");
const durationArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 900 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: MAX_CALL_SECONDS }) },
  // Minute edges, and odd multiples of 30 s: with an odd per-minute rate they end on exactly half a
  // unit of the fifth decimal (the half-up rounding decides).
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 30, 59, 60, 61, 90, 150, 210) },
);

const callArb = fc.record({
  outbound: fc.boolean(),
  destination: fc.constantFrom(...OUTBOUND_TEMPLATES),
  didTemplate: fc.constantFrom(...DID_TEMPLATES),
  /** 7000 on: a DID of the inventory (catalogue.ts); a suffix of suffixArb: one it does not hold. */
  didSuffix: fc.oneof(fc.integer({ min: 7000, max: 7000 + INVENTORY_SIZE_PER_TEMPLATE - 1 }), suffixArb),
  didColumn: fc.boolean(),
  suffix: suffixArb,
  extension: fc.constantFrom("100", "101", ""),
  answered: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  unanswered: fc.constantFrom<CallDisposition>("BUSY", "NO_ANSWER", "FAILED"),
  ring: fc.integer({ min: 0, max: 40 }),
  duration: durationArb,
  source: sourceArb,
  when: whenArb,
  /** Start at the same second as the call before (ties go by id). */
  tie: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  /** R14: a second past four hours, ringing included (the import must refuse it, rating never see it). */
  overlong: fc.oneof({ weight: 40, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
type CallDraft = typeof callArb extends fc.Arbitrary<infer T> ? T : never;

/** One user's Area 1 month crossing the 3,000 minutes inside one call. */
const heavyArb = fc.record({
  destinations: fc.array(fc.constantFrom(...AREA1_TEMPLATES), { minLength: 15, maxLength: 15 }),
  /** Seconds of the allowance left before the crossing call, and the seconds it runs past. */
  left: fc.integer({ min: 0, max: 300 }),
  past: fc.integer({ min: 0, max: 900 }),
  /** A call after the crossing one: all of it charged. */
  after: fc.integer({ min: 1, max: 900 }),
  startDay: fc.integer({ min: 1, max: 12 }),
  onEdge: fc.boolean(),
});

const smsArb = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.record({ heavy: fc.constant(0), start: fc.constant(0), extra: fc.array(whenArb, { maxLength: 3 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      heavy: fc.integer({ min: 195, max: 215 }),
      /** Seconds after 19:00 on the month's last local day: the later, the more of them fall in the next month. */
      start: fc.integer({ min: 0, max: 5 * HOUR }),
      extra: fc.array(whenArb, { maxLength: 3 }),
    }),
  },
);

/** Mostly tiers with a list in force; a tier with none, and one whose list starts on the 20th. */
const tierArb = fc.oneof(
  ...PARTNER_TIERS.map((tier) => ({
    weight: tier === "GOLD" ? 3 : tier === "SILVER" ? 2 : 1,
    arbitrary: fc.constant(tier),
  })),
);
const tiersArb = fc.oneof(
  { weight: 4, arbitrary: tierArb.map((tier) => ({ first: tier, change: null })) },
  {
    weight: 2,
    arbitrary: fc.record({
      first: tierArb,
      // From a time of its own, or from the very second one of the case's calls starts (a period starts inclusive).
      change: fc.record({ tier: tierArb, when: fc.oneof(whenArb, fc.nat({ max: 9 })) }),
    }),
  },
);

export const ratingCaseArb: fc.Arbitrary<RatingCase> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    tiers: tiersArb,
    calls: fc.array(callArb, { maxLength: 10 }),
    heavy: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: heavyArb }),
    sms: smsArb,
  })
  .map((draft) => {
    const at = (when: When) => localMidnight(draft.timeZone, when.day) + when.offset * 1000;
    const calls: CaseCall[] = [];
    let previous = 0;
    for (const c of draft.calls) {
      const start = c.tie && calls.length ? previous : at(c.when);
      previous = start;
      calls.push(materialize(c, start));
    }
    if (draft.heavy) calls.push(...heavyCalls(draft.heavy, (day, offset) => at({ day, offset })));
    const tiers = [{ tier: draft.tiers.first, from: "1970-01-01T00:00:00Z" }];
    const change = draft.tiers.change;
    if (change) {
      const from =
        typeof change.when === "number" ? calls[change.when % calls.length]?.startedAt : iso(at(change.when));
      tiers.push({ tier: change.tier, from: from ?? iso(at({ day: 15, offset: 0 })) });
    }
    return { timeZone: draft.timeZone, tiers, calls, sms: smsOf(draft.sms, at) };
  });

function materialize(c: CallDraft, start: number): CaseCall {
  const answered = c.answered;
  const ring = answered ? Math.min(c.ring, MAX_CALL_SECONDS) : 0;
  // R14: ringing and talk together at most four hours, unless the case wants one the import refuses.
  const talk = c.overlong ? MAX_CALL_SECONDS - ring + 1 : Math.min(c.duration, MAX_CALL_SECONDS - ring);
  const duration = answered ? talk : 0;
  const common = {
    startedAt: iso(start),
    answeredAt: answered ? iso(start + ring * 1000) : "",
    duration,
    disposition: answered ? ("ANSWERED" as const) : c.unanswered,
  };
  if (c.outbound)
    return {
      ...common,
      direction: "out",
      from: numberFrom("DE_GEO", 7000),
      to: numberFrom(c.destination, c.suffix),
      did: "",
      extension: c.extension || "100",
      source: "",
    };
  const did = numberFrom(c.didTemplate, c.didSuffix);
  return {
    ...common,
    direction: "in",
    from: numberFrom(c.destination, c.suffix),
    to: did,
    did: c.didColumn ? did : "",
    extension: c.extension,
    source: c.source,
  };
}

function heavyCalls(heavy: HeavyDraft, at: (day: number, offset: number) => number) {
  // 12 four-hour calls and one to leave `left` seconds of the 180,000, the call that crosses, one more.
  const durations = [
    ...Array(12).fill(MAX_CALL_SECONDS),
    180_000 - 12 * MAX_CALL_SECONDS - heavy.left,
    heavy.left + heavy.past,
    heavy.after,
  ];
  const crossing = 13;
  return durations.map((duration, i): CaseCall => {
    // Each on its own day at 08:00 local; when `onEdge`, the crossing call starts minutes before the
    // local month ends and runs into the next (it is the month it started in), and the one after it
    // falls in the next month, with its own allowance.
    const start =
      !heavy.onEdge || i < crossing
        ? at(heavy.startDay + i, 8 * HOUR)
        : at(32, (i - crossing) * 3_600 - (heavy.left + 1));
    return {
      direction: "out",
      from: numberFrom("DE_GEO", 7001),
      to: numberFrom(heavy.destinations[i], 100 + i),
      did: "",
      extension: "200",
      startedAt: iso(start),
      answeredAt: iso(start),
      duration: Math.min(duration, MAX_CALL_SECONDS),
      disposition: "ANSWERED",
      source: "",
    };
  });
}
type HeavyDraft = typeof heavyArb extends fc.Arbitrary<infer T> ? T : never;

function smsOf(draft: { heavy: number; start: number; extra: When[] }, at: (when: When) => number): CaseSms[] {
  const sms: CaseSms[] = draft.extra.map((when, i) => ({
    direction: i % 2 ? "INBOUND" : "OUTBOUND",
    extension: "100",
    sentAt: iso(at(when)),
  }));
  // A user's 200 included SMS and a few past them, 30 s apart, near the local month's end.
  const first = at({ day: 31, offset: 19 * HOUR + draft.start });
  for (let i = 0; i < draft.heavy; i++)
    sms.push({ direction: "OUTBOUND", extension: "100", sentAt: iso(first + i * 30_000) });
  return sms;
}
