import type { Db } from "@/lib/db/client";
import type { FreephoneSource } from "@/lib/db/generated/enums";
import { makeTier } from "./fixtures";

export interface TestRates {
  /** Per-minute price by Call Termination Area (1-6); an area left out has no rate. */
  areas?: Partial<Record<1 | 2 | 3 | 4 | 5 | 6, string>>;
  /** Per-minute FreePhone prices by the DID's country and the caller's source (R7). */
  freephone?: { countryCode: string; source: FreephoneSource; perMinute: string }[];
  /** R15's price of an SMS past the included ones; Area 1's per-minute price unless given. */
  smsRate?: string;
  name?: string;
  /** From 1 January 2026 unless given. */
  validFrom?: Date;
}

/** A version of a tier's price list (the tier made if it is missing) with these rates only. */
export async function makePriceList(db: Db, tierCode: string, rates: TestRates) {
  const tier = await makeTier(db, tierCode);
  const areas = Object.entries(rates.areas ?? {}).map(([area, perMinute]) => ({ area: Number(area), perMinute }));
  return db.priceList.create({
    data: {
      tierId: tier.id,
      name: rates.name ?? tierCode,
      validFrom: rates.validFrom ?? new Date("2026-01-01T00:00:00Z"),
      smsRate: rates.smsRate ?? rates.areas?.[1] ?? "0.01",
      areaRates: { create: areas },
      freephoneRates: { create: rates.freephone ?? [] },
    },
  });
}

/** A tier's price list in force since 2026 with only an Area 1 rate (R5, R15's SMS price). */
export function makeAreaOnePriceList(db: Db, tierCode: string, area1PerMinute: string) {
  return makePriceList(db, tierCode, { areas: { 1: area1PerMinute } });
}

/** The tenant's partner at `tierCode` for all time (its only tier period, and its current tier). */
export async function putPartnerOnTier(db: Db, tenant: { partner: { id: string } }, tierCode: string) {
  const tier = await makeTier(db, tierCode);
  await db.partnerTierPeriod.updateMany({ where: { partnerId: tenant.partner.id }, data: { tierId: tier.id } });
  await db.partner.update({ where: { id: tenant.partner.id }, data: { tierId: tier.id } });
}
