import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { lastsAtMostFourHours, rateMonthOracle, type OracleCall, type OracleMonth, type OracleSms } from "./oracle";

// The textbook cases of R5, R6, R7 and R15 against figures computed by hand: the oracle the
// property test (oracle-property.test.ts) holds the SQL rater to must itself be right.

const d = (value: string) => new Prisma.Decimal(value);
const OCT = (day: number, time = "09:00:00") => new Date(`2026-10-${String(day).padStart(2, "0")}T${time}Z`);

/** Gold: Area 1 0.012, Area 3 0.0665 a minute; End User: 0.019 and 0.095. */
const GOLD = {
  id: "gold-2026",
  tierId: "GOLD",
  validFrom: new Date("2026-01-01T00:00:00Z"),
  areaRates: [
    { area: 1, perMinute: d("0.01200") },
    { area: 3, perMinute: d("0.06650") },
  ],
  freephoneRates: [
    { countryCode: "DE", source: "MOBILE" as const, perMinute: d("0.09730") },
    { countryCode: "DE", source: "PAYPHONE" as const, perMinute: d("0.34300") },
    { countryCode: "CA", source: "PAYPHONE" as const, perMinute: d("0.35000") },
    { countryCode: "US", source: "PAYPHONE" as const, perMinute: d("0.30000") },
  ],
};
const END_USER = {
  id: "end-user-2026",
  tierId: "END_USER",
  validFrom: new Date("2026-01-01T00:00:00Z"),
  areaRates: [
    { area: 1, perMinute: d("0.01900") },
    { area: 3, perMinute: d("0.09500") },
  ],
  freephoneRates: [{ countryCode: "DE", source: "MOBILE" as const, perMinute: d("0.13900") }],
};

const DE_FREEPHONE = "+498001234567";
const DE_GEOGRAPHIC = "+4930901820";
/** A Canadian toll-free DID: +1 8xx is shared by the NANP, so only the inventory knows it is Canadian. */
const CA_FREEPHONE = "+18885550123";

let seq = 0n;
const call = (fields: Partial<OracleCall> & Pick<OracleCall, "startedAt" | "durationSeconds">): OracleCall => ({
  id: ++seq,
  direction: "OUTBOUND",
  toE164: "+4989123456",
  didE164: null,
  extension: "100",
  disposition: "ANSWERED",
  freephoneSource: null,
  ...fields,
});
const inbound = (did: string, durationSeconds: number, freephoneSource: OracleCall["freephoneSource"]) =>
  call({ direction: "INBOUND", toE164: did, extension: null, startedAt: OCT(6), durationSeconds, freephoneSource });

function rate(calls: OracleCall[], sms: OracleSms[] = [], overrides: Partial<OracleMonth> = {}) {
  return rateMonthOracle({
    month: "2026-10",
    timeZone: "Europe/Berlin",
    tierPeriods: [{ tierId: "GOLD", validFrom: new Date(0) }],
    endUserTierId: "END_USER",
    priceLists: [GOLD, END_USER],
    countries: [
      { code: "DE", callTerminationArea: 1 },
      { code: "US", callTerminationArea: 1 },
      { code: "CA", callTerminationArea: 1 },
      { code: "BR", callTerminationArea: 3 },
    ],
    inventory: [
      { e164: DE_FREEPHONE, type: "FREEPHONE", countryCode: "DE" },
      { e164: DE_GEOGRAPHIC, type: "GEOGRAPHIC", countryCode: "DE" },
      { e164: CA_FREEPHONE, type: "FREEPHONE", countryCode: "CA" },
    ],
    calls,
    sms,
    ...overrides,
  });
}
const money = (value: Prisma.Decimal | null) => value?.toFixed(5) ?? null;
const FOUR_HOURS = 14_400;

describe("the oracle rater", () => {
  it("charges the 100 minutes past a user's 3,000 included Area 1 minutes (R5: 3,100 minutes)", () => {
    // 12 x 240 min + 220 min = 3,100 min; the last call is 120 min free and 100 min (6,000 s) billed.
    const calls = [
      ...Array.from({ length: 12 }, (_, i) => call({ startedAt: OCT(1 + i), durationSeconds: FOUR_HOURS })),
      call({ startedAt: OCT(20), durationSeconds: 13_200 }),
    ];
    const rated = rate(calls).calls;
    expect(rated.slice(0, 12).every((c) => c.billedSeconds === 0 && money(c.cost) === "0.00000")).toBe(true);
    expect(rated[12]).toMatchObject({ country: "DE", area: 1, billedSeconds: 6_000, unratedReason: null });
    expect(money(rated[12].cost)).toBe("1.20000"); // 100 min x 0.012
    expect(money(rated[12].endUserCost)).toBe("1.90000"); // 100 min x 0.019
  });

  it("does not pool the minutes: 3,500 and 1,000 minutes of two users bill 500 minutes", () => {
    const heavy = Array.from({ length: 14 }, (_, i) => call({ startedAt: OCT(1 + i), durationSeconds: 15_000 }));
    const light = Array.from({ length: 4 }, (_, i) =>
      call({ extension: "101", startedAt: OCT(1 + i, "10:00:00"), durationSeconds: 15_000 }),
    );
    const rated = rate([...heavy, ...light]).calls;
    const billed = (extension: string) =>
      rated
        .filter((r) => [...heavy, ...light].find((c) => c.id === r.id)!.extension === extension)
        .reduce((sum, r) => ({ seconds: sum.seconds + r.billedSeconds, cost: sum.cost.add(r.cost!) }), {
          seconds: 0,
          cost: d("0"),
        });
    // 3,500 min = 14 x 250 min: 500 min (30,000 s) past 3,000; the other user's 1,000 min are all included.
    expect(billed("100").seconds).toBe(30_000);
    expect(money(billed("100").cost)).toBe("6.00000");
    expect(billed("101").seconds).toBe(0);
  });

  it("charges 61 s at Area 3 per second from the first second, rounded half up to 5 decimals", () => {
    const [rated] = rate([call({ toE164: "+551123456789", startedAt: OCT(5), durationSeconds: 61 })]).calls;
    expect(rated).toMatchObject({ country: "BR", area: 3, billedSeconds: 61 });
    expect(money(rated.cost)).toBe("0.06761"); // 0.0665 x 61 / 60 = 0.0676083…
    expect(money(rated.endUserCost)).toBe("0.09658"); // 0.095 x 61 / 60 = 0.0965833…
  });

  it("charges a FreePhone DID by the caller's source and leaves other DIDs free (R6, R7)", () => {
    const [mobile, payphone, geographic, missing, canada] = rate([
      inbound(DE_FREEPHONE, 600, "MOBILE"),
      inbound(DE_FREEPHONE, 600, "PAYPHONE"),
      inbound(DE_GEOGRAPHIC, 600, "MOBILE"),
      inbound(DE_FREEPHONE, 600, null),
      inbound(CA_FREEPHONE, 600, "PAYPHONE"),
    ]).calls;
    expect(mobile).toMatchObject({ country: "DE", numberType: "FREEPHONE", billedSeconds: 600 });
    expect([money(mobile.cost), money(mobile.endUserCost)]).toEqual(["0.97300", "1.39000"]);
    // The End User list has no payphone rate for Germany: the partner's price stands, the End User's is unknown.
    expect([money(payphone.cost), money(payphone.endUserCost), payphone.unratedReason]).toEqual([
      "3.43000",
      null,
      null,
    ]);
    expect([money(geographic.cost), geographic.numberType]).toEqual(["0.00000", "GEOGRAPHIC"]);
    expect([money(missing.cost), missing.unratedReason]).toEqual([null, "NO_FREEPHONE_SOURCE"]);
    expect([canada.country, money(canada.cost)]).toEqual(["CA", "3.50000"]); // not the US rate (3.00)
  });

  it("charges each SMS past a user's 200th sent in the month at the Area 1 rate; received ones are free (R15)", () => {
    const sms: OracleSms[] = Array.from({ length: 202 }, (_, i) => ({
      id: BigInt(i + 1),
      direction: "OUTBOUND",
      extension: "100",
      sentAt: new Date(OCT(8).getTime() + i * 1000),
    }));
    sms.push({ id: 999n, direction: "INBOUND", extension: "100", sentAt: OCT(7) });
    const rated = rate([], sms).sms;
    const charged = rated.filter((s) => !s.cost!.isZero());
    expect(charged.map((s) => [s.id, money(s.cost), money(s.endUserCost)])).toEqual([
      [201n, "0.01200", "0.01900"],
      [202n, "0.01200", "0.01900"],
    ]);
  });

  it("rates the partner's local month, at the tier and version in force at each call's start", () => {
    const calls = [
      // 00:30 on 1 October in Berlin, 1 November in Berlin: only the first is October's.
      call({ toE164: "+551123456789", startedAt: new Date("2026-09-30T22:30:00Z"), durationSeconds: 60 }),
      call({ toE164: "+551123456789", startedAt: new Date("2026-10-31T23:30:00Z"), durationSeconds: 60 }),
      // After the move to a tier with no list in force: unrated, never 0.
      call({ toE164: "+551123456789", startedAt: OCT(20), durationSeconds: 60 }),
    ];
    const rated = rate(calls, [], {
      tierPeriods: [
        { tierId: "GOLD", validFrom: new Date(0) },
        { tierId: "BRONZE", validFrom: OCT(15, "00:00:00") },
      ],
    }).calls;
    expect(rated.map((r) => [r.id, money(r.cost), r.unratedReason])).toEqual([
      [calls[0].id, "0.06650", null],
      [calls[2].id, null, "NO_PRICE_LIST"],
    ]);
    // An unrated call has no End User price either: one status per call.
    expect(rated[1].endUserCost).toBeNull();
  });

  it("leaves a number no country holds unrated, and unanswered calls at 0", () => {
    const [unknown, busy] = rate([
      call({ toE164: "+881612345678", startedAt: OCT(3), durationSeconds: 30 }),
      call({ toE164: "+881612345678", startedAt: OCT(3), durationSeconds: 0, disposition: "BUSY" }),
    ]).calls;
    expect([unknown.country, unknown.area, money(unknown.cost), unknown.unratedReason]).toEqual([
      null,
      null,
      null,
      "UNKNOWN_NUMBER",
    ]);
    expect([money(busy.cost), busy.unratedReason]).toEqual(["0.00000", null]);
  });

  it("counts ringing in R14's four hours", () => {
    const startedAt = new Date("2026-10-05T10:00:00Z");
    const answeredAt = new Date("2026-10-05T10:01:00Z");
    expect(lastsAtMostFourHours({ startedAt, answeredAt, durationSeconds: 14_400 })).toBe(false);
    expect(lastsAtMostFourHours({ startedAt, answeredAt, durationSeconds: 14_340 })).toBe(true);
    expect(lastsAtMostFourHours({ startedAt, answeredAt: null, durationSeconds: 0 })).toBe(true);
  });
});
