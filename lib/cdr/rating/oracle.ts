import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { INCLUDED_PER_USER } from "@/lib/pricing/catalogue";
import { Prisma } from "@/lib/db/generated/client";
import type {
  CallDirection,
  CallDisposition,
  FreephoneSource,
  NumberType,
  UnratedReason,
} from "@/lib/db/generated/enums";

type Decimal = Prisma.Decimal;

/**
 * A second rater, written from the rules (R5, R6, R7, R14, R15; docs/rating rules of issue 29,
 * decisions 0041 and 0043) and nothing else: one month of one PBX, in plain loops, with exact
 * decimals. It shares no code with lib/cdr/rating/sql.ts and places numbers with libphonenumber-js
 * itself, number by number, so the property test that compares the two catches a mistake in either.
 * R14 is `lastsAtMostFourHours`: calls beyond it never reach rating (the import refuses them).
 * Not used by the app.
 */

export interface OracleCall {
  id: bigint;
  direction: CallDirection;
  toE164: string;
  /** The DID an inbound call reached; an inbound call without one reached `toE164`. */
  didE164: string | null;
  extension: string | null;
  startedAt: Date;
  durationSeconds: number;
  disposition: CallDisposition;
  freephoneSource: FreephoneSource | null;
}

export interface OracleSms {
  id: bigint;
  direction: CallDirection;
  extension: string | null;
  sentAt: Date;
}

export interface OraclePriceList {
  id: string;
  tierId: string;
  validFrom: Date;
  areaRates: { area: number; perMinute: Decimal }[];
  freephoneRates: { countryCode: string; source: FreephoneSource; perMinute: Decimal }[];
}

export interface OracleMonth {
  /** The partner-local calendar month, "2026-10". */
  month: string;
  /** The partner's IANA zone: the month and R5/R15's counts are the partner's (decision 0041). */
  timeZone: string;
  /** The partner's tier history. */
  tierPeriods: { tierId: string; validFrom: Date }[];
  endUserTierId: string;
  /** Every version of the partner's tiers and of the End User tier. */
  priceLists: OraclePriceList[];
  /** The country catalogue: code and Call Termination Area. */
  countries: { code: string; callTerminationArea: number | null }[];
  /** The portal's number inventory: a DID's type and country. */
  inventory: { e164: string; type: NumberType; countryCode: string }[];
  calls: OracleCall[];
  sms: OracleSms[];
}

export interface OracleRatedCall {
  id: bigint;
  country: string | null;
  area: number | null;
  numberType: NumberType | null;
  billedSeconds: number;
  /** Null when not priced: `unratedReason` says why. */
  cost: Decimal | null;
  /** At the End User list; null when that list cannot price the call, or the partner's list cannot. */
  endUserCost: Decimal | null;
  unratedReason: UnratedReason | null;
}

export interface OracleRatedSms {
  id: bigint;
  cost: Decimal | null;
  endUserCost: Decimal | null;
  unratedReason: UnratedReason | null;
}

const INCLUDED_AREA1_SECONDS = INCLUDED_PER_USER.area1Minutes * 60;
const INCLUDED_SMS = INCLUDED_PER_USER.sms;
const ZERO = new Prisma.Decimal(0);

/** The month ("YYYY-MM") an instant falls in on the partner's calendar. */
export function localMonth(at: Date, timeZone: string): string {
  // Every zone's offset is a multiple of 15 minutes, so a local month starts on a UTC quarter hour:
  // the answer for one instant of a quarter hour is the answer for all of it (Intl is slow).
  const key = `${timeZone} ${Math.floor(at.getTime() / QUARTER_HOUR_MS)}`;
  let month = months.get(key);
  if (month === undefined) {
    const parts = monthFormat(timeZone).formatToParts(at);
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    month = `${part("year")}-${part("month")}`;
    months.set(key, month);
  }
  return month;
}
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const months = new Map<string, string>();

const formats = new Map<string, Intl.DateTimeFormat>();
function monthFormat(timeZone: string) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" });
    formats.set(timeZone, format);
  }
  return format;
}

/** The country of a number by the numbering plan (libphonenumber-js), or null. */
export function countryOfNumber(e164: string): string | null {
  let country = countries.get(e164);
  if (country === undefined) {
    country = parsePhoneNumberFromString(e164)?.country ?? null;
    countries.set(e164, country);
  }
  return country;
}
/** Remembered per whole number (never per prefix: that is the SQL's shortcut this rater checks). */
const countries = new Map<string, string | null>();

/** R14: a call lasts at most four hours from its start to its end, ringing included. */
export function lastsAtMostFourHours(call: { startedAt: Date; answeredAt: Date | null; durationSeconds: number }) {
  const ringingMs = call.answeredAt ? call.answeredAt.getTime() - call.startedAt.getTime() : 0;
  return ringingMs + call.durationSeconds * 1000 <= MAX_CALL_MS;
}
const MAX_CALL_MS = 4 * 3_600_000;

/** Charge = per-minute price × seconds / 60, to 5 decimals, half up. */
export function charge(perMinute: Decimal, seconds: number): Decimal {
  return perMinute.mul(seconds).div(60).toDecimalPlaces(5, Prisma.Decimal.ROUND_HALF_UP);
}

/** The latest of `items` that has started at `at` (by `validFrom`), or null. */
function inForce<T extends { validFrom: Date }>(items: T[], at: Date): T | null {
  let found: T | null = null;
  for (const item of items) {
    if (item.validFrom <= at && (!found || item.validFrom > found.validFrom)) found = item;
  }
  return found;
}

/** `(startedAt, id)` order: the order R5's allowance and R15's count are used in. */
function byTimeThenId(a: { at: Date; id: bigint }, b: { at: Date; id: bigint }) {
  const time = a.at.getTime() - b.at.getTime();
  if (time !== 0) return time;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

type Price = { perMinute: Decimal } | { reason: UnratedReason };

/** What a rated-or-unrated priced call comes to, at one tier. */
function priced(price: Price, seconds: number): { cost: Decimal | null; reason: UnratedReason | null } {
  return "reason" in price
    ? { cost: null, reason: price.reason }
    : { cost: charge(price.perMinute, seconds), reason: null };
}

/**
 * Rates one PBX's calls and SMS of one partner-local month: every record of that month, with its
 * placement, billed seconds, both prices and, when the partner's price cannot be known, why. The
 * records of other months are left out.
 */
export function rateMonthOracle(input: OracleMonth): { calls: OracleRatedCall[]; sms: OracleRatedSms[] } {
  const areaOf = new Map(input.countries.map((c) => [c.code, c.callTerminationArea]));
  const didOf = new Map(input.inventory.map((n) => [n.e164, n]));
  const inMonth = (at: Date) => localMonth(at, input.timeZone) === input.month;

  /** The version of the partner's tier (or the End User tier) in force at `at`. */
  const partnerList = (at: Date) => {
    const period = inForce(input.tierPeriods, at);
    if (!period) return null;
    return inForce(
      input.priceLists.filter((list) => list.tierId === period.tierId),
      at,
    );
  };
  const endUserList = (at: Date) =>
    inForce(
      input.priceLists.filter((list) => list.tierId === input.endUserTierId),
      at,
    );

  const areaPrice = (list: OraclePriceList | null, area: number): Price => {
    if (!list) return { reason: "NO_PRICE_LIST" };
    const rate = list.areaRates.find((r) => r.area === area);
    return rate ? { perMinute: rate.perMinute } : { reason: "NO_RATE" };
  };
  const freephonePrice = (list: OraclePriceList | null, country: string, source: FreephoneSource): Price => {
    if (!list) return { reason: "NO_PRICE_LIST" };
    const rate = list.freephoneRates.find((r) => r.countryCode === country && r.source === source);
    return rate ? { perMinute: rate.perMinute } : { reason: "NO_RATE" };
  };

  // R5: each user's Area 1 seconds of the month, used call by call in (startedAt, id) order.
  const area1SecondsUsed = new Map<string, number>();
  const calls = input.calls
    .filter((call) => inMonth(call.startedAt))
    .sort((a, b) => byTimeThenId({ at: a.startedAt, id: a.id }, { at: b.startedAt, id: b.id }));

  const ratedCalls = calls.map((call): OracleRatedCall => {
    const answered = call.disposition === "ANSWERED";
    const free = (placement: Pick<OracleRatedCall, "country" | "area" | "numberType">): OracleRatedCall => ({
      id: call.id,
      ...placement,
      billedSeconds: 0,
      cost: ZERO,
      endUserCost: ZERO,
      unratedReason: null,
    });
    const outcome = (
      placement: Pick<OracleRatedCall, "country" | "area" | "numberType">,
      billedSeconds: number,
      own: Price,
      endUser: Price,
    ): OracleRatedCall => {
      const partner = priced(own, billedSeconds);
      return {
        id: call.id,
        ...placement,
        billedSeconds,
        cost: partner.cost,
        // One status per call: an unrated call shows no End User price either.
        endUserCost: partner.reason ? null : priced(endUser, billedSeconds).cost,
        unratedReason: partner.reason,
      };
    };

    if (call.direction === "OUTBOUND") {
      const country = countryOfNumber(call.toE164);
      const area = country === null ? null : (areaOf.get(country) ?? null);
      const placement = { country, area, numberType: null };
      if (!answered) return free(placement);
      if (area === null) return outcome(placement, 0, { reason: "UNKNOWN_NUMBER" }, { reason: "UNKNOWN_NUMBER" });
      let billedSeconds = call.durationSeconds;
      if (area === 1) {
        // The user's allowance is used whether or not a price list can price the call.
        const user = call.extension ?? "";
        const before = area1SecondsUsed.get(user) ?? 0;
        const after = before + call.durationSeconds;
        area1SecondsUsed.set(user, after);
        billedSeconds = Math.max(0, after - INCLUDED_AREA1_SECONDS) - Math.max(0, before - INCLUDED_AREA1_SECONDS);
      }
      return outcome(
        placement,
        billedSeconds,
        areaPrice(partnerList(call.startedAt), area),
        areaPrice(endUserList(call.startedAt), area),
      );
    }

    // Inbound: the DID's type and country come from the inventory; a DID outside it is placed by the plan.
    const did = call.didE164 ?? call.toE164;
    const known = didOf.get(did);
    const country = known ? known.countryCode : countryOfNumber(did);
    const placement = { country, area: null, numberType: known?.type ?? null };
    // R6: inbound calls to DIDs are free; R7: a FreePhone DID's owner pays by the caller's source.
    if (!answered || known?.type !== "FREEPHONE") return free(placement);
    const seconds = call.durationSeconds;
    const unpriceable: UnratedReason | null =
      country === null ? "UNKNOWN_NUMBER" : call.freephoneSource === null ? "NO_FREEPHONE_SOURCE" : null;
    if (unpriceable) return outcome(placement, seconds, { reason: unpriceable }, { reason: unpriceable });
    return outcome(
      placement,
      seconds,
      freephonePrice(partnerList(call.startedAt), country!, call.freephoneSource!),
      freephonePrice(endUserList(call.startedAt), country!, call.freephoneSource!),
    );
  });

  // R15: each user's sent messages of the month past the 200th cost the Area 1 per-minute rate.
  const sentSoFar = new Map<string, number>();
  const ratedSms = input.sms
    .filter((sms) => inMonth(sms.sentAt))
    .sort((a, b) => byTimeThenId({ at: a.sentAt, id: a.id }, { at: b.sentAt, id: b.id }))
    .map((sms): OracleRatedSms => {
      if (sms.direction === "INBOUND") return { id: sms.id, cost: ZERO, endUserCost: ZERO, unratedReason: null };
      const user = sms.extension ?? "";
      const nth = (sentSoFar.get(user) ?? 0) + 1;
      sentSoFar.set(user, nth);
      const smsCost = (price: Price) =>
        "reason" in price
          ? { cost: null, reason: price.reason }
          : { cost: nth > INCLUDED_SMS ? price.perMinute : ZERO, reason: null };
      const own = smsCost(areaPrice(partnerList(sms.sentAt), 1));
      return {
        id: sms.id,
        cost: own.cost,
        endUserCost: own.reason ? null : smsCost(areaPrice(endUserList(sms.sentAt), 1)).cost,
        unratedReason: own.reason,
      };
    });

  return { calls: ratedCalls, sms: ratedSms };
}
