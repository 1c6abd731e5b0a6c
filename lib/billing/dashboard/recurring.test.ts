import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { NumberType } from "@/lib/db/generated/enums";
import {
  actorOf,
  makeActiveService,
  makeCountry,
  makeCustomer,
  makeNumbers,
  makePbx,
  makeTenant,
  makeTier,
  makeUser,
  TEST_COUNTRIES,
  type Tenant,
} from "@/lib/testing/fixtures";
import { createTestDatabase } from "@/lib/testing/test-database";
import { recurring } from "./recurring";

// Monthly recurring cost and revenue (docs/decisions/0065), computed by hand to the cent.
const { prisma } = await createTestDatabase();
const NOW = new Date("2026-11-15T10:00:00Z");

async function makeList(
  tierCode: string,
  bands: [number, number | null, string][],
  numbers: [string, NumberType, string][],
) {
  const tier = await makeTier(prisma, tierCode);
  await prisma.priceList.create({
    data: {
      tierId: tier.id,
      name: tierCode,
      validFrom: new Date("2026-01-01T00:00:00Z"),
      smsRate: "0.01",
      flatFeeBands: {
        create: bands.map(([minUsers, maxUsers, pricePerUser], i) => ({
          sku: `CLASSOUND-FLAT-${i}`,
          description: `Users ${minUsers}+`,
          minUsers,
          maxUsers,
          pricePerUser,
        })),
      },
      numberPrices: {
        create: numbers.map(([countryCode, type, monthlyFee]) => ({ countryCode, type, setupFee: "0", monthlyFee })),
      },
    },
  });
}

async function pbxWithUsers(customerId: string, users: number, service: "ACTIVE" | "SUSPENDED" | "CANCELLED" | null) {
  const pbx = await makePbx(prisma, customerId);
  // makePbx gives 3 Basic + 1 Business: the Basic count makes up the rest (R4 counts every licence).
  await prisma.pbxLicense.update({
    where: { pbxId_type: { pbxId: pbx.id, type: "BASIC" } },
    data: { quantity: users - 1 },
  });
  if (service) {
    const s = await makeActiveService(prisma, pbx);
    if (service !== "ACTIVE")
      await prisma.classoundService.update({
        where: { id: s.id },
        data: service === "SUSPENDED" ? { status: "SUSPENDED" } : { cancellationRequestedAt: NOW },
      });
  }
  return pbx;
}

let mine: Tenant;
let partner: Actor;
let theirs: Actor;

beforeAll(async () => {
  await makeCountry(prisma, TEST_COUNTRIES.DE);
  await makeCountry(prisma, TEST_COUNTRIES.IT);
  // Gold (the test partners' tier) has no Italian numbers: those are left out, counted as unpriced.
  await makeList(
    "GOLD",
    [
      [1, 5, "12.00000"],
      [6, 20, "10.50000"],
      [21, null, "9.00000"],
    ],
    [
      ["DE", "GEOGRAPHIC", "1.20000"],
      ["DE", "FREEPHONE", "8.00000"],
    ],
  );
  await makeList(
    "END_USER",
    [
      [1, 5, "14.90000"],
      [6, 20, "13.40000"],
      [21, null, "11.90000"],
    ],
    [
      ["DE", "GEOGRAPHIC", "1.90000"],
      ["DE", "FREEPHONE", "11.50000"],
      ["IT", "GEOGRAPHIC", "2.00000"],
    ],
  );
  mine = await makeTenant(prisma);
  partner = actorOf(await makeUser(prisma, "PARTNER", { partnerId: mine.partner.id }));
  const [a, b] = [mine.customer, await makeCustomer(prisma, mine.partner.id)];
  // Customer A: 25 % over the purchase price; every other customer: 7.5 % over the End User list.
  await prisma.resalePricing.createMany({
    data: [
      { partnerId: mine.partner.id, customerId: a.id, basis: "PURCHASE_MARKUP", markupPercent: "25" },
      { partnerId: mine.partner.id, customerId: null, basis: "END_USER_MARKUP", markupPercent: "7.5" },
    ],
  });
  const a1 = await pbxWithUsers(a.id, 4, "ACTIVE");
  await pbxWithUsers(a.id, 8, "ACTIVE");
  // R9: a suspended service bills no next month; a PBX without CLASSOUND bills no flat fee.
  await pbxWithUsers(a.id, 4, "SUSPENDED");
  await pbxWithUsers(a.id, 4, null);
  // Cancelled at its term's end: it runs, and is paid, until then.
  const b1 = await pbxWithUsers(b.id, 4, "CANCELLED");
  const owner = (pbxId: string) => ({ partnerId: mine.partner.id, pbxId });
  await makeNumbers(prisma, owner(a1.id), 3, "DE");
  const [freephone] = await makeNumbers(prisma, owner(a1.id), 1, "DE");
  await prisma.phoneNumber.update({ where: { id: freephone!.id }, data: { type: "FREEPHONE" } });
  await makeNumbers(prisma, owner(a1.id), 2, "IT");
  await makeNumbers(prisma, owner(b1.id), 10, "DE");
  const [released] = await makeNumbers(prisma, owner(b1.id), 1, "DE");
  await prisma.phoneNumber.update({ where: { id: released!.id }, data: { status: "QUARANTINE" } });

  // Another partner, no resale rule (the End User list), one PBX of 4 users and 5 numbers.
  const other = await makeTenant(prisma);
  theirs = actorOf(await makeUser(prisma, "PARTNER", { partnerId: other.partner.id }));
  await makeActiveService(prisma, other.pbx);
  await makeNumbers(prisma, { partnerId: other.partner.id, pbxId: other.pbx.id }, 5, "DE");
});

describe("monthly recurring cost and revenue", () => {
  it("is the partner's services and numbers at its tier and at each customer's resale rule, to the cent", async () => {
    // Cost: A 4 × 12.00 + 8 × 10.50 + 3 × 1.20 + 1 × 8.00 = 143.60; B 4 × 12.00 + 10 × 1.20 = 60.00.
    // Revenue, A at purchase + 25 %: 60.00 + 105.00 + 4.50 + 10.00 = 179.50;
    // B at End User + 7.5 %: 4 × 14.90 × 1.075 = 64.07, 10 × 1.90 × 1.075 = 20.425 -> 20.43 (the line
    // rounded once; each number rounded would make 20.40): 84.50. Margin 264.00 - 203.60.
    expect(await recurring(prisma, partner, NOW)).toEqual({
      figures: [{ currency: "EUR", cost: "203.60", revenue: "264.00", margin: "60.40" }],
      services: 3,
      users: 16,
      numbers: 16,
      unpriced: { services: 0, numbers: 2 },
    });
  });

  it("answers each partner its own: no rule is the End User list", async () => {
    // 4 × 12.00 + 5 × 1.20 = 54.00; 4 × 14.90 + 5 × 1.90 = 69.10.
    expect(await recurring(prisma, theirs, NOW)).toEqual({
      figures: [{ currency: "EUR", cost: "54.00", revenue: "69.10", margin: "15.10" }],
      services: 1,
      users: 4,
      numbers: 5,
      unpriced: { services: 0, numbers: 0 },
    });
  });

  it("before any price list is in force, prices nothing and says so", async () => {
    expect(await recurring(prisma, theirs, new Date("2025-06-01T00:00:00Z"))).toMatchObject({
      figures: [],
      unpriced: { services: 1, numbers: 5 },
    });
  });

  it("is a partner's own: admins and end users are refused", async () => {
    const admin = actorOf(await makeUser(prisma, "ADMIN"));
    const endUser = actorOf(await makeUser(prisma, "END_USER", { customerId: mine.customer.id }));
    await expect(recurring(prisma, admin, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recurring(prisma, endUser, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
