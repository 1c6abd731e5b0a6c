import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

/** A deterministic pseudo-random sequence (mulberry32), so a fixture is the same on every run. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = [
  ["DE", 1],
  ["AT", 1],
  ["FR", 1],
  ["US", 2],
  ["GB", 2],
  ["JP", 4],
  ["BR", 5],
] as const;
const EXTENSIONS = ["100", "101", "102", "103"];
const NUMBERS = ["+4930123456", "+4989765432", "+33142685300", "+12125550100", "+442079460000", "+81312345678"];

/** `count` calls of one PBX spread over [from, from + days), with every dimension the dashboards group by. */
export function syntheticCalls(
  pbx: { partnerId: string; customerId: string; pbxId: string },
  options: { count: number; from: Date; days: number; seed: number },
): Prisma.CallRecordCreateManyInput[] {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: options.count }, (_, i) => {
    const direction = random() < 0.4 ? "INBOUND" : "OUTBOUND";
    const [countryCode, area] = random() < 0.1 ? [null, null] : pick(COUNTRIES);
    const durationSeconds = random() < 0.25 ? 0 : Math.floor(random() * 1800) + 1;
    const other = pick(NUMBERS);
    return {
      ...pbx,
      externalId: `synthetic-${options.seed}-${i}`,
      direction,
      extension: direction === "OUTBOUND" ? pick(EXTENSIONS) : null,
      disposition: durationSeconds ? "ANSWERED" : pick(["BUSY", "NO_ANSWER", "FAILED"] as const),
      fromE164: direction === "OUTBOUND" ? "+4989123450" : other,
      toE164: direction === "OUTBOUND" ? other : "+4989123450",
      countryCode,
      area,
      startedAt: new Date(options.from.getTime() + Math.floor(random() * options.days * 86_400_000)),
      durationSeconds,
      billedSeconds: Math.floor(durationSeconds / 2),
      cost: (Math.floor(random() * 100_000) / 100_000).toFixed(5),
      currency: random() < 0.9 ? "EUR" : "USD",
      // Priced as if rated: a dashboard shows them counted, not waiting for their rating.
      ratedAt: options.from,
    };
  });
}

/** `count` SMS of one PBX, sent and received by its users, over [from, from + days). */
export function syntheticSms(
  pbx: { partnerId: string; customerId: string; pbxId: string },
  options: { count: number; from: Date; days: number; seed: number },
): Prisma.SmsRecordCreateManyInput[] {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: options.count }, (_, i) => ({
    ...pbx,
    externalId: `synthetic-sms-${options.seed}-${i}`,
    direction: random() < 0.8 ? "OUTBOUND" : "INBOUND",
    fromE164: "+4989123450",
    toE164: pick(NUMBERS),
    extension: random() < 0.95 ? pick(EXTENSIONS) : null,
    sentAt: new Date(options.from.getTime() + Math.floor(random() * options.days * 86_400_000)),
    cost: "0",
    currency: "EUR",
  }));
}

export async function insertSyntheticCalls(db: Db, ...args: Parameters<typeof syntheticCalls>) {
  await db.callRecord.createMany({ data: syntheticCalls(...args) });
  await db.smsRecord.createMany({ data: syntheticSms(args[0], { ...args[1], count: Math.ceil(args[1].count / 4) }) });
}
