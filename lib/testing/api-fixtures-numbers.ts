import type { Db } from "@/lib/db/client";
import {
  makeActiveService,
  makeCountry,
  makeNumberPriceList,
  makeNumberRange,
  makePbx,
  uniqueGermanPrefix,
} from "./fixtures";

// Factories for the numbers of the partner API (issue 34): its tests and its authorization-matrix
// cases. Each call makes fresh rows (a new PBX, a new range), so cases sharing one tenant never collide.

interface Owner {
  partner: { id: string; tierId: string };
  customer: { id: string };
}

const GERMAN_GEOGRAPHIC = { countryCode: "DE", type: "GEOGRAPHIC", setupFee: "5.00", monthlyFee: "1.20" } as const;

/** The partner's tier prices German geographic numbers: in the version in force, or in a new one. */
export async function priceGermanNumbers(db: Db, partner: Owner["partner"]) {
  await makeCountry(db);
  const inForce = await db.priceList.findFirst({
    where: { tierId: partner.tierId, validFrom: { lte: new Date() }, publishedAt: { not: null } },
    orderBy: { validFrom: "desc" },
  });
  if (!inForce) return makeNumberPriceList(db, partner.tierId, [GERMAN_GEOGRAPHIC]);
  const { countryCode, type } = GERMAN_GEOGRAPHIC;
  await db.numberPrice.upsert({
    where: { priceListId_countryCode_type: { priceListId: inForce.id, countryCode, type } },
    create: { priceListId: inForce.id, ...GERMAN_GEOGRAPHIC },
    update: {},
  });
  return inForce;
}

/**
 * A new PBX of the owner's with CLASSOUND active, German geographic numbers priced for the partner,
 * and a fresh free range of `size` numbers in `areaName` (its first number ends in zeros).
 */
export async function makeOrderablePbx(db: Db, owner: Owner, { size = 100, areaName = "Berlin" } = {}) {
  const pbx = await makePbx(db, owner.customer.id);
  await Promise.all([makeActiveService(db, pbx), priceGermanNumbers(db, owner.partner)]);
  const first = `${uniqueGermanPrefix()}0000`;
  await makeNumberRange(db, { countryCode: "DE", type: "GEOGRAPHIC", areaName, first, size });
  return { pbx, first };
}
