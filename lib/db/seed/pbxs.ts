import type { LicensePlan, LicenseType, Prisma } from "../generated/client";
import { addDays, addMonths } from "./dates";
import { createRandom, seedId } from "./random";
import { customerId, type CustomerKey } from "./tenants";

export interface PbxSpec {
  key: string;
  customer: CustomerKey;
  name: string;
  plan: LicensePlan;
  softwareVersion: string;
  licenses: Partial<Record<LicenseType, number>>;
  /** The current term began this many days before the seed's day. */
  termStartDaysAgo: number;
  service?: {
    activatedDaysAgo: number;
    /** R13: configured through a support ticket; the others still answer emergency calls 503. */
    emergencyConfigured?: boolean;
    /** R11: the PBX asked for its first geographic DID as the default caller number. */
    defaultCaller?: boolean;
    /** Inventory ranges (numbers.ts) to take contiguous blocks from, in order. */
    numbers: { range: string; count: number }[];
    /** Calls per user on a weekday; set for the PBXs that get call records. */
    callsPerUserPerWeekday?: number;
  };
}

/**
 * The demo PBXs: every license plan; versions on both sides of R1's 5.0 minimum; lifetime ones that
 * must be refused; eligible ones without the service, to activate in a demo; and London's yearly
 * term ending in about two weeks, to show renewal and co-termination (R3).
 */
export const PBXS: PbxSpec[] = [
  {
    key: "munich-hq",
    customer: "weber",
    name: "Munich HQ",
    plan: "YEARLY",
    softwareVersion: "6.01.20240310.2",
    licenses: { ESSENTIAL: 12, BUSINESS: 8, PREMIUM: 4 },
    termStartDaysAgo: 200,
    service: {
      activatedDaysAgo: 180,
      emergencyConfigured: true,
      defaultCaller: true,
      callsPerUserPerWeekday: 1.6,
      numbers: [
        { range: "DE-MUC", count: 30 },
        { range: "DE-MOB", count: 10 },
        { range: "DE-FREE", count: 1 },
      ],
    },
  },
  {
    key: "augsburg-plant",
    customer: "weber",
    name: "Augsburg plant",
    plan: "FIVE_YEAR",
    softwareVersion: "5.06.20230118.2",
    licenses: { BASIC: 6, ESSENTIAL: 10 },
    termStartDaysAgo: 700,
    service: { activatedDaysAgo: 400, numbers: [{ range: "DE-AUG", count: 10 }] },
  },
  {
    key: "stuttgart-sales",
    customer: "weber",
    name: "Stuttgart sales office",
    plan: "MONTHLY",
    softwareVersion: "6.02.20240612.1",
    licenses: { ESSENTIAL: 3, BUSINESS: 1 },
    termStartDaysAgo: 12,
  },
  {
    key: "hamburg-speicherstadt",
    customer: "hafenkontor",
    name: "Hamburg Speicherstadt",
    plan: "YEARLY",
    softwareVersion: "5.03.20210826.1",
    licenses: { ESSENTIAL: 15, BUSINESS: 5, PREMIUM: 2 },
    termStartDaysAgo: 300,
    service: {
      activatedDaysAgo: 250,
      emergencyConfigured: true,
      defaultCaller: true,
      numbers: [{ range: "DE-HAM", count: 20 }],
    },
  },
  {
    key: "bremen-depot",
    customer: "hafenkontor",
    name: "Bremen depot",
    plan: "LIFETIME",
    softwareVersion: "5.04.20220315.4",
    licenses: { BASIC: 8 },
    termStartDaysAgo: 1500,
  },
  {
    key: "rotterdam-head-office",
    customer: "vanDijk",
    name: "Rotterdam head office",
    plan: "YEARLY",
    softwareVersion: "6.01.20240310.2",
    licenses: { ESSENTIAL: 6, BUSINESS: 2 },
    termStartDaysAgo: 120,
    service: {
      activatedDaysAgo: 90,
      numbers: [
        { range: "NL-RTM", count: 10 },
        { range: "NL-FREE", count: 1 },
      ],
    },
  },
  {
    key: "eindhoven-workshop",
    customer: "vanDijk",
    name: "Eindhoven workshop",
    plan: "MONTHLY",
    softwareVersion: "4.12.20190101.3",
    licenses: { BASIC: 4 },
    termStartDaysAgo: 20,
  },
  {
    key: "lyon-part-dieu",
    customer: "lumiere",
    name: "Lyon Part-Dieu",
    plan: "FIVE_YEAR",
    softwareVersion: "6.03.20241105.1",
    licenses: { BUSINESS: 10, PREMIUM: 2 },
    termStartDaysAgo: 400,
  },
  {
    key: "paris-la-defense",
    customer: "lumiere",
    name: "Paris La Défense",
    plan: "YEARLY",
    softwareVersion: "5.05.20220901.3",
    licenses: { ESSENTIAL: 4 },
    termStartDaysAgo: 60,
  },
  {
    key: "milan-office",
    customer: "ferri",
    name: "Milan office",
    plan: "YEARLY",
    softwareVersion: "6.01.20240310.2",
    licenses: { ESSENTIAL: 8, BUSINESS: 4, PREMIUM: 2 },
    termStartDaysAgo: 250,
    service: {
      activatedDaysAgo: 230,
      emergencyConfigured: true,
      defaultCaller: true,
      callsPerUserPerWeekday: 1.6,
      numbers: [
        { range: "IT-MIL", count: 20 },
        { range: "IT-MOB", count: 10 },
        { range: "IT-FREE", count: 1 },
      ],
    },
  },
  {
    key: "rome-office",
    customer: "ferri",
    name: "Rome office",
    plan: "MONTHLY",
    softwareVersion: "5.06.20230118.2",
    licenses: { ESSENTIAL: 4, BUSINESS: 1 },
    termStartDaysAgo: 9,
    service: { activatedDaysAgo: 150, numbers: [{ range: "IT-ROM", count: 10 }] },
  },
  {
    key: "turin-store",
    customer: "bianchi",
    name: "Turin store",
    plan: "MONTHLY",
    softwareVersion: "5.03.20210826.1",
    licenses: { BASIC: 2, ESSENTIAL: 2 },
    termStartDaysAgo: 25,
  },
  {
    key: "genoa-store",
    customer: "bianchi",
    name: "Genoa store",
    plan: "LIFETIME",
    softwareVersion: "4.09.20180522.1",
    licenses: { BASIC: 3 },
    termStartDaysAgo: 2400,
  },
  {
    key: "milan-brera-store",
    customer: "bianchi",
    name: "Milan Brera store",
    plan: "YEARLY",
    softwareVersion: "4.12.20190101.3",
    licenses: { BASIC: 2, ESSENTIAL: 1 },
    termStartDaysAgo: 100,
  },
  {
    key: "barcelona-reception",
    customer: "costaBrava",
    name: "Barcelona reception",
    plan: "YEARLY",
    softwareVersion: "6.02.20240612.1",
    licenses: { ESSENTIAL: 10, BUSINESS: 3 },
    termStartDaysAgo: 180,
    service: { activatedDaysAgo: 160, numbers: [{ range: "ES-BCN", count: 10 }] },
  },
  {
    key: "girona-hotel",
    customer: "costaBrava",
    name: "Girona hotel",
    plan: "FIVE_YEAR",
    softwareVersion: "5.04.20220315.4",
    licenses: { ESSENTIAL: 6 },
    termStartDaysAgo: 900,
  },
  {
    key: "tossa-hotel",
    customer: "costaBrava",
    name: "Tossa de Mar hotel",
    plan: "LIFETIME",
    softwareVersion: "6.01.20240310.2",
    licenses: { BASIC: 5, ESSENTIAL: 2 },
    termStartDaysAgo: 800,
  },
  {
    key: "london-office",
    customer: "harrowFinch",
    name: "London office",
    plan: "YEARLY",
    softwareVersion: "6.02.20240612.1",
    licenses: { ESSENTIAL: 10, BUSINESS: 6, PREMIUM: 2 },
    termStartDaysAgo: 350,
    service: {
      activatedDaysAgo: 320,
      defaultCaller: true,
      callsPerUserPerWeekday: 1.6,
      numbers: [
        { range: "GB-LON", count: 20 },
        { range: "GB-MOB", count: 10 },
        { range: "GB-FREE", count: 1 },
      ],
    },
  },
  {
    key: "cambridge-office",
    customer: "harrowFinch",
    name: "Cambridge office",
    plan: "MONTHLY",
    softwareVersion: "5.06.20230118.2",
    licenses: { ESSENTIAL: 3 },
    termStartDaysAgo: 5,
  },
  {
    key: "manchester-clinic",
    customer: "pemberton",
    name: "Manchester clinic",
    plan: "FIVE_YEAR",
    softwareVersion: "5.03.20210826.1",
    licenses: { ESSENTIAL: 12 },
    termStartDaysAgo: 600,
    service: { activatedDaysAgo: 200, emergencyConfigured: true, numbers: [{ range: "GB-MAN", count: 10 }] },
  },
  {
    key: "leeds-clinic",
    customer: "pemberton",
    name: "Leeds clinic",
    plan: "MONTHLY",
    softwareVersion: "6.01.20240310.2",
    licenses: { ESSENTIAL: 5 },
    termStartDaysAgo: 14,
  },
  {
    key: "liverpool-clinic",
    customer: "pemberton",
    name: "Liverpool clinic",
    plan: "YEARLY",
    softwareVersion: "4.12.20190101.3",
    licenses: { ESSENTIAL: 4 },
    termStartDaysAgo: 45,
  },
  {
    key: "boston-dispatch",
    customer: "bayside",
    name: "Boston dispatch",
    plan: "YEARLY",
    softwareVersion: "6.03.20241105.1",
    licenses: { ESSENTIAL: 20, BUSINESS: 6, PREMIUM: 4 },
    termStartDaysAgo: 90,
    service: {
      activatedDaysAgo: 80,
      emergencyConfigured: true,
      callsPerUserPerWeekday: 1.6,
      numbers: [
        { range: "US-BOS", count: 20 },
        { range: "US-FREE", count: 1 },
      ],
    },
  },
  {
    key: "providence-warehouse",
    customer: "bayside",
    name: "Providence warehouse",
    plan: "MONTHLY",
    softwareVersion: "6.01.20240310.2",
    licenses: { BASIC: 6, ESSENTIAL: 2 },
    termStartDaysAgo: 3,
  },
  {
    key: "portland-yard",
    customer: "bayside",
    name: "Portland yard",
    plan: "LIFETIME",
    softwareVersion: "5.03.20210826.1",
    licenses: { BASIC: 4 },
    termStartDaysAgo: 1100,
  },
];

const TERM_MONTHS: Record<LicensePlan, number | null> = { MONTHLY: 1, YEARLY: 12, FIVE_YEAR: 60, LIFETIME: null };

export const pbxId = (key: string) => seedId(`pbx:${key}`);

export function userCount(pbx: PbxSpec): number {
  return Object.values(pbx.licenses).reduce((sum, quantity) => sum + quantity, 0);
}

export function pbxTerm(pbx: PbxSpec, today: Date) {
  const termStart = addDays(today, -pbx.termStartDaysAgo);
  const months = TERM_MONTHS[pbx.plan];
  return { termStart, termExpiry: months === null ? null : addMonths(termStart, months) };
}

/** Serials in the vendor's style, e.g. CS-4F9A-21C7: unique and the same on every run. */
function serials(count: number): string[] {
  const random = createRandom("pbx-serials");
  const seen = new Set<string>();
  while (seen.size < count) {
    const hex = () => random.int(0, 0xffff).toString(16).toUpperCase().padStart(4, "0");
    seen.add(`CS-${hex()}-${hex()}`);
  }
  return [...seen];
}

/** `firstGeographicDid` gives the id of the PBX's first geographic number (its default caller, R11). */
export function pbxRows(today: Date, firstGeographicDid: (pbxKey: string) => string) {
  const serialList = serials(PBXS.length);
  const withService = PBXS.filter((pbx) => pbx.service);
  return {
    pbxs: PBXS.map((pbx, index): Prisma.PbxCreateManyInput => ({
      id: pbxId(pbx.key),
      serial: serialList[index],
      name: pbx.name,
      customerId: customerId(pbx.customer),
      licensePlan: pbx.plan,
      softwareVersion: pbx.softwareVersion,
      ...pbxTerm(pbx, today),
    })),
    licenses: PBXS.flatMap((pbx) =>
      Object.entries(pbx.licenses).map(([type, quantity]): Prisma.PbxLicenseCreateManyInput => ({
        pbxId: pbxId(pbx.key),
        type: type as LicenseType,
        quantity,
      })),
    ),
    services: withService.map((pbx): Prisma.ClassoundServiceCreateManyInput => {
      const service = pbx.service!;
      const activatedAt = addDays(today, -service.activatedDaysAgo);
      return {
        id: seedId(`service:${pbx.key}`),
        pbxId: pbxId(pbx.key),
        status: "ACTIVE",
        activatedAt,
        // R3: the service co-terminates with the PBX.
        expiresAt: pbxTerm(pbx, today).termExpiry!,
        defaultCallerNumberId: service.defaultCaller ? firstGeographicDid(pbx.key) : null,
        emergencyConfiguredAt: service.emergencyConfigured ? addDays(activatedAt, 3) : null,
      };
    }),
  };
}
