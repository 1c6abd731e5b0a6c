import { hashPassword } from "../../auth/password";
import type { PrismaClient } from "../generated/client";
import { rateMonthInTransaction } from "../../cdr/rating/rate-month";
import { callMonths, callRows } from "./calls";
import { COUNTRIES } from "./countries";
import { ensureCallRecordPartitions } from "../../cdr/partitions";
import { refreshCallRollups } from "../../cdr/rollups/refresh";
import { startOfUtcDay, startOfUtcMonth } from "./dates";
import { REQUIRED_DOCUMENTS } from "./documents";
import { emergencyRows } from "./emergency";
import { numberId, numberRows } from "./numbers";
import { pbxRows } from "./pbxs";
import { PRICING } from "./pricing";
import { DEMO_PASSWORD, tenantRows } from "./tenants";

export { DEMO_LOGINS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./tenants";

/** Rows this run inserted: none when the demo data was already there. */
export interface SeedSummary {
  insertedRows: number;
  /** The day every seeded date derives from (midnight UTC of `now`). */
  today: Date;
  created: {
    countries: number;
    requiredDocuments: number;
    priceListTiers: number;
    priceLists: number;
    flatFeeBands: number;
    numberPrices: number;
    freephoneRates: number;
    areaRates: number;
    partners: number;
    partnerTierPeriods: number;
    customers: number;
    users: number;
    pbxs: number;
    pbxLicenses: number;
    classoundServices: number;
    numberRanges: number;
    phoneNumbers: number;
    emergencyLocations: number;
    emergencyLocationChanges: number;
    callRecords: number;
  };
}

// The widest row (CallRecord, 20 columns) stays far below PostgreSQL's 65,535 bind parameters.
const CHUNK_ROWS = 2_000;

type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type CreateMany<T> = (args: { data: T[]; skipDuplicates: true }) => Promise<{ count: number }>;

async function insert<T>(rows: T[], createMany: CreateMany<T>): Promise<number> {
  let count = 0;
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    count += (await createMany({ data: rows.slice(start, start + CHUNK_ROWS), skipDuplicates: true })).count;
  }
  return count;
}

/**
 * The reference catalogue: countries, required documents, price-list tiers and the price lists. On
 * the demo database the price lists are published; on a production start they are drafts that an
 * admin reviews and publishes, or replaces by import (issue 31), so nothing is priced from them before.
 */
async function insertCatalogue(tx: Tx, { drafts }: { drafts: boolean }) {
  return {
    countries: await insert(COUNTRIES, (args) => tx.country.createMany(args)),
    requiredDocuments: await insert(REQUIRED_DOCUMENTS, (args) => tx.requiredDocument.createMany(args)),
    priceListTiers: await insert(PRICING.tiers, (args) => tx.priceListTier.createMany(args)),
    priceLists: await insert(
      PRICING.priceLists.map((row) => (drafts ? { ...row, publishedAt: null } : row)),
      (args) => tx.priceList.createMany(args),
    ),
    flatFeeBands: await insert(PRICING.flatFeeBands, (args) => tx.flatFeeBand.createMany(args)),
    numberPrices: await insert(PRICING.numberPrices, (args) => tx.numberPrice.createMany(args)),
    freephoneRates: await insert(PRICING.freephoneRates, (args) => tx.freephoneMinuteRate.createMany(args)),
    areaRates: await insert(PRICING.areaRates, (args) => tx.areaRate.createMany(args)),
  };
}

export type CatalogueSummary = Awaited<ReturnType<typeof insertCatalogue>>;

/**
 * A production start's data (issue 31): the reference catalogue alone, its price lists as drafts;
 * no partner, user or call. Idempotent like the demo seed (fixed ids, ON CONFLICT DO NOTHING).
 */
export async function seedCatalogue(prisma: PrismaClient): Promise<CatalogueSummary> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('classound-demo-seed'))");
      return insertCatalogue(tx, { drafts: true });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/**
 * Seeds the demo data set. Every row has a fixed id and is inserted with ON CONFLICT DO NOTHING, all in
 * one transaction: a second run inserts nothing and changes nothing the app has edited since, and a
 * failed run leaves nothing behind. The same `now` always gives the same data.
 */
export async function seedDatabase(prisma: PrismaClient, now: Date = new Date()): Promise<SeedSummary> {
  const today = startOfUtcDay(now);
  // Built before the transaction opens, so it holds its connection only for the inserts.
  const tenants = tenantRows(await hashPassword(DEMO_PASSWORD));
  const numbers = numberRows(today);
  const pbxs = pbxRows(today, (pbxKey) =>
    numberId(numbers.didsOf(pbxKey).find((did) => did.type === "GEOGRAPHIC")!.e164),
  );
  const calls = callRows(today, numbers.didsOf);
  const emergency = emergencyRows(today, numbers.didsOf);

  const summary = await prisma.$transaction(
    async (tx) => {
      // Two app instances seeding at start-up would otherwise both find no call records and both insert them.
      await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('classound-demo-seed'))");
      const created = {
        ...(await insertCatalogue(tx, { drafts: false })),
        partners: await insert(tenants.partners, (args) => tx.partner.createMany(args)),
        partnerTierPeriods: await insert(tenants.tierPeriods, (args) => tx.partnerTierPeriod.createMany(args)),
        customers: await insert(tenants.customers, (args) => tx.customer.createMany(args)),
        users: await insert(tenants.users, (args) => tx.user.createMany(args)),
        pbxs: await insert(pbxs.pbxs, (args) => tx.pbx.createMany(args)),
        pbxLicenses: await insert(pbxs.licenses, (args) => tx.pbxLicense.createMany(args)),
        numberRanges: await insert(numbers.ranges, (args) => tx.numberRange.createMany(args)),
        emergencyLocations: await insert(emergency.sites, (args) => tx.emergencyLocation.createMany(args)),
        // Before the services: a service's default caller number references one of its PBX's numbers (R11).
        phoneNumbers: await insert(
          numbers.rows.map((row) => ({ ...row, ...emergency.numberFields.get(row.e164) })),
          (args) => tx.phoneNumber.createMany(args),
        ),
        emergencyLocationChanges: await insert(emergency.changes, (args) =>
          tx.emergencyLocationChange.createMany(args),
        ),
        classoundServices: await insert(pbxs.services, (args) => tx.classoundService.createMany(args)),
        callRecords: 0,
      };
      await ensureCallRecordPartitions((sql) => tx.$executeRawUnsafe(sql), startOfUtcMonth(today, -1), today);
      // The PBX's call id (with the PBX and start time) is the unique key that makes a repeat insert nothing.
      for (const pbx of calls) created.callRecords += await insert(pbx.rows, (args) => tx.callRecord.createMany(args));
      // Placed and priced by the real rating, in the same transaction: the seed never prices a call itself.
      if (created.callRecords) for (const month of callMonths(today)) await rateMonthInTransaction(tx, { month });
      return { today, created, insertedRows: Object.values(created).reduce((sum, count) => sum + count, 0) };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  if (summary.created.callRecords) await refreshCallRollups(prisma, { from: startOfUtcMonth(today, -1), to: today });
  return summary;
}
