import { randomBytes } from "node:crypto";
import { actorFromUser, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import type { LicensePlan, NumberType, Role } from "@/lib/db/generated/enums";
import { COUNTRIES } from "@/lib/db/seed/countries";
import { customerRow, partnerRow, phoneNumberRow, TIER_HISTORY_START, userRow } from "@/lib/db/seed/factories";
import { PRICING } from "@/lib/db/seed/pricing";

// Small factories for integration tests. Each call makes rows with unique keys, so tests in one
// database never collide and need no global wipe.
const unique = () => randomBytes(4).toString("hex");

export async function makeCountry(
  db: Db,
  overrides: Partial<{
    code: string;
    name: string;
    isEu: boolean;
    area: number;
    dialCode: string;
    emergencyRegime: "E112" | "E911" | null;
  }> = {},
) {
  const code = overrides.code ?? "DE";
  return db.country.upsert({
    where: { code },
    update: {},
    create: {
      code,
      name: overrides.name ?? "Germany",
      dialCode: overrides.dialCode ?? "49",
      isEu: overrides.isEu ?? true,
      callTerminationArea: overrides.area ?? 1,
      emergencyRegime: overrides.emergencyRegime === undefined ? "E112" : overrides.emergencyRegime,
    },
  });
}

export async function makeTier(db: Db, code = "GOLD") {
  return db.priceListTier.upsert({
    where: { code },
    update: {},
    create: { code, name: code[0] + code.slice(1).toLowerCase() },
  });
}

export async function makePartner(db: Db, name = `Partner ${unique()}`) {
  const [country, tier] = await Promise.all([makeCountry(db), makeTier(db)]);
  return db.partner.create({
    data: {
      ...partnerRow({
        name,
        tierId: tier.id,
        countryCode: country.code,
        billingEmail: `billing-${unique()}@example.test`,
      }),
      // Its tier history starts with the partner (docs/decisions/0041).
      tierPeriods: { create: { tierId: tier.id, validFrom: TIER_HISTORY_START } },
    },
  });
}

export async function makeCustomer(db: Db, partnerId: string, name = `Customer ${unique()}`) {
  const country = await makeCountry(db);
  return db.customer.create({ data: customerRow({ partnerId, name, countryCode: country.code }) });
}

export async function makePbx(
  db: Db,
  customerId: string,
  overrides: Partial<{
    licensePlan: LicensePlan;
    softwareVersion: string;
    termStart: Date;
    termExpiry: Date | null;
  }> = {},
) {
  const termStart = overrides.termStart ?? new Date("2026-05-01T00:00:00Z");
  return db.pbx.create({
    data: {
      serial: `CS-${unique().toUpperCase()}`,
      name: `PBX ${unique()}`,
      customerId,
      licensePlan: overrides.licensePlan ?? "YEARLY",
      termStart,
      termExpiry: overrides.termExpiry === undefined ? new Date("2027-05-01T00:00:00Z") : overrides.termExpiry,
      softwareVersion: overrides.softwareVersion ?? "6.01.20240310.2",
      licenses: {
        create: [
          { type: "BASIC", quantity: 3 },
          { type: "BUSINESS", quantity: 1 },
        ],
      },
    },
  });
}

/** The countries the number factory knows, as the seed has them. */
export const TEST_COUNTRIES = {
  DE: { code: "DE", name: "Germany", dialCode: "49", isEu: true, emergencyRegime: "E112" },
  IT: { code: "IT", name: "Italy", dialCode: "39", isEu: true, emergencyRegime: "E112" },
  GB: { code: "GB", name: "United Kingdom", dialCode: "44", isEu: false, emergencyRegime: "E112" },
  US: { code: "US", name: "United States", dialCode: "1", isEu: false, emergencyRegime: "E911" },
} as const;

/** `count` numbers of a country assigned to a PBX of the partner, with unique E.164s. */
export async function makeNumbers(
  db: Db,
  owner: { partnerId: string; pbxId: string },
  count: number,
  countryCode: keyof typeof TEST_COUNTRIES = "IT",
) {
  const country = TEST_COUNTRIES[countryCode];
  await makeCountry(db, country);
  const prefix = `+${country.dialCode}${countryCode === "US" ? "617" : "2"}${parseInt(unique(), 16).toString().padStart(10, "0").slice(-6)}`;
  const rows = Array.from({ length: count }, (_, i) =>
    phoneNumberRow({ e164: `${prefix}${String(i).padStart(3, "0")}`, countryCode, ...owner }),
  );
  await db.phoneNumber.createMany({ data: rows });
  return db.phoneNumber.findMany({ where: { e164: { in: rows.map((r) => r.e164) } }, orderBy: { e164: "asc" } });
}

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export async function makeUser(
  db: Db,
  role: Role,
  links: { partnerId?: string; customerId?: string } = {},
  overrides: Partial<{ email: string; disabledAt: Date }> = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${unique()}@example.test`,
      name: `${role} ${unique()}`,
      passwordHash: await passwordHash,
      role,
      partnerId: links.partnerId,
      customerId: links.customerId,
      disabledAt: overrides.disabledAt,
    },
  });
}

export type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** A partner with one customer and one PBX eligible for CLASSOUND (R1), as an e2e test starts from. */
export async function makeTenant(db: Db, pbx: Parameters<typeof makePbx>[2] = {}) {
  const partner = await makePartner(db);
  const customer = await makeCustomer(db, partner.id);
  return { partner, customer, pbx: await makePbx(db, customer.id, pbx) };
}

/** A user of that tenant in the given role (an admin belongs to none), signing in with TEST_PASSWORD. */
export async function makeTenantUser(db: Db, role: Role, tenant: Pick<Tenant, "partner" | "customer">) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const base = {
    email: `${role.toLowerCase()}-${unique()}@example.test`,
    name: `${role} ${unique()}`,
    passwordHash: await passwordHash,
  };
  const links =
    role === "PARTNER"
      ? { role, partnerId: tenant.partner.id }
      : role === "END_USER"
        ? { role, customerId: tenant.customer.id }
        : { role: "ADMIN" as const };
  return db.user.create({ data: userRow({ ...base, ...links }) });
}

export function actorOf(user: Parameters<typeof actorFromUser>[0]): Actor {
  return actorFromUser(user);
}

/** Two partners, each with a customer, a PBX, a partner user and an end user; plus an admin. */
export async function makeTwoTenants(db: Db) {
  const make = async () => {
    const partner = await makePartner(db);
    const customer = await makeCustomer(db, partner.id);
    const pbx = await makePbx(db, customer.id);
    const partnerUser = await makeUser(db, "PARTNER", { partnerId: partner.id });
    const endUser = await makeUser(db, "END_USER", { customerId: customer.id });
    return { partner, customer, pbx, partnerActor: actorOf(partnerUser), endUserActor: actorOf(endUser) };
  };
  const a = await make();
  const b = await make();
  const admin = actorOf(await makeUser(db, "ADMIN"));
  return { a, b, admin };
}

/** A German customer's legal entity that passes the activation form's checks (with its country of service). */
export const SAMPLE_LEGAL_ENTITY = {
  countryCode: "DE",
  legalName: "Brauhaus Technik GmbH",
  vatNumber: "DE123456788",
  addressLine: "Leopoldstraße 12",
  postcode: "80802",
  city: "München",
  contactName: "Anna Weber",
  contactEmail: "anna.weber@brauhaus.example",
  contactPhone: "+4989123456",
};

/** CLASSOUND active on a PBX (numbers can be ordered on it: R6), co-terminating with it (R3). */
export async function makeActiveService(db: Db, pbx: { id: string; termExpiry: Date | null }) {
  return db.classoundService.create({
    data: { pbxId: pbx.id, activatedAt: new Date(), expiresAt: pbx.termExpiry ?? new Date("2099-01-01Z") },
  });
}

/** A price list in force for the tier with a flat fee band and number prices, for quotes and orders. */
export async function makeNumberPriceList(
  db: Db,
  tierId: string,
  prices: { countryCode: string; type: NumberType; setupFee: string; monthlyFee: string }[],
) {
  return db.priceList.create({
    data: {
      tierId,
      name: `Numbers ${unique()}`,
      currency: "EUR",
      validFrom: new Date("2026-01-01Z"),
      smsRate: "0.04",
      flatFeeBands: {
        create: [
          { sku: "CLASSOUND-FLAT-1m", description: "Users 1-5", minUsers: 1, maxUsers: null, pricePerUser: "10.00" },
        ],
      },
      numberPrices: { create: prices },
    },
  });
}

/** `size` AVAILABLE numbers counting up from `first` (no carry checks: pick a first ending in zeros). */
export async function makeNumberRange(
  db: Db,
  input: { countryCode: string; type: NumberType; areaName?: string; first: string; size: number },
) {
  const range = await db.numberRange.create({
    data: {
      countryCode: input.countryCode,
      type: input.type,
      areaName: input.areaName ?? null,
      firstE164: input.first,
      lastE164: `+${BigInt(input.first.slice(1)) + BigInt(input.size - 1)}`,
      size: input.size,
    },
  });
  const first = BigInt(input.first.slice(1));
  await db.phoneNumber.createMany({
    data: Array.from({ length: input.size }, (_, i) => ({
      e164: `+${first + BigInt(i)}`,
      countryCode: input.countryCode,
      type: input.type,
      areaName: input.areaName ?? null,
      rangeId: range.id,
    })),
  });
  return range;
}

/** A fresh German test prefix no other test uses: `+4930` then 6 random digits then "0000" numbers. */
export function uniqueGermanPrefix() {
  return `+4930${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
}

/** The seed's countries, tiers and price lists (one version per tier), for tests that read or edit real catalogues. */
export async function seedPricing(db: Db) {
  await db.country.createMany({ data: COUNTRIES });
  await db.priceListTier.createMany({ data: PRICING.tiers });
  await db.priceList.createMany({ data: PRICING.priceLists });
  await db.flatFeeBand.createMany({ data: PRICING.flatFeeBands });
  await db.numberPrice.createMany({ data: PRICING.numberPrices });
  await db.freephoneMinuteRate.createMany({ data: PRICING.freephoneRates });
  await db.areaRate.createMany({ data: PRICING.areaRates });
}
