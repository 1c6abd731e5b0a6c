import type { Prisma, Role } from "../generated/client";

// Row builders shared by the seed (deterministic ids, createMany) and the test factories
// (lib/testing/fixtures.ts, used by Vitest and the e2e fixtures), so a test's tenant has the same
// shape as the demo's: a partner user always has its partner, an end user its customer.

export function partnerRow(partner: {
  id?: string;
  name: string;
  tierId: string;
  countryCode: string;
  vatNumber?: string;
  billingEmail: string;
  timeZone?: string;
}) {
  return { ...partner } satisfies Prisma.PartnerCreateManyInput;
}

/** Before any call: a partner's first tier period starts here, so no call predates its tier history. */
export const TIER_HISTORY_START = new Date("1970-01-01T00:00:00Z");

/**
 * The first period of a partner's tier history (docs/decisions/0041): every path that creates a
 * partner creates this with it, as rating prices a call at the tier of the period in force at its start.
 */
export function firstTierPeriodRow(partner: { partnerId: string; tierId: string; id?: string }) {
  return { ...partner, validFrom: TIER_HISTORY_START } satisfies Prisma.PartnerTierPeriodCreateManyInput;
}

type LegalEntity = Pick<
  Prisma.CustomerCreateManyInput,
  "legalName" | "vatNumber" | "addressLine" | "postcode" | "city" | "contactName" | "contactEmail" | "contactPhone"
>;

export function customerRow(customer: {
  id?: string;
  partnerId: string;
  name: string;
  countryCode: string;
  legal?: LegalEntity;
}) {
  const { legal, ...rest } = customer;
  return { ...rest, ...legal } satisfies Prisma.CustomerCreateManyInput;
}

export type UserLinks =
  { role: "ADMIN" } | { role: "PARTNER"; partnerId: string } | { role: "END_USER"; customerId: string };

/** A user row whose links match its role: the type refuses a partner user without a partner. */
export function userRow(
  user: { id?: string; email: string; name: string; passwordHash: string; isPartnerAdmin?: boolean } & UserLinks,
) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    passwordHash: user.passwordHash,
    role: user.role as Role,
    partnerId: user.role === "PARTNER" ? user.partnerId : null,
    customerId: user.role === "END_USER" ? user.customerId : null,
    isPartnerAdmin: user.role === "PARTNER" && (user.isPartnerAdmin ?? false),
  } satisfies Prisma.UserCreateManyInput;
}

/** A number of the operator's inventory assigned to a partner's PBX (R6). */
export function phoneNumberRow(number: {
  id?: string;
  e164: string;
  countryCode: string;
  type?: Prisma.PhoneNumberCreateManyInput["type"];
  partnerId: string;
  pbxId: string;
  assignedAt?: Date;
}) {
  return {
    status: "ASSIGNED",
    type: "GEOGRAPHIC",
    assignedAt: new Date(),
    ...number,
  } satisfies Prisma.PhoneNumberCreateManyInput;
}
