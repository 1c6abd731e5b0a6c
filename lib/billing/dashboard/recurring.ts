import type { Actor } from "@/lib/auth/actor";
import { assertCan, END_USER_TIER_CODE, partnerIdOf } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { NumberType } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { tierInForce } from "@/lib/partners/tier-in-force";
import { priceListInForce } from "@/lib/pricing/price-list-in-force";
import { resalePrice, resaleRulesOf, type ResaleRule } from "../resale/rule";

const D = Prisma.Decimal;
const cents = (value: Prisma.Decimal) => value.toDecimalPlaces(2, D.ROUND_HALF_UP);

/** One currency's monthly figures, exact decimal strings to the cent. */
export interface RecurringFigure {
  currency: string;
  /** What the partner pays CLASSOUND a month at its tier. */
  cost: string;
  /** What its customers pay it a month at its resale prices. */
  revenue: string;
  /** Revenue less cost; null when only one of them is in this currency. */
  margin: string | null;
}

export interface Recurring {
  figures: RecurringFigure[];
  services: number;
  users: number;
  numbers: number;
  /** Left out of every figure: no price in force for them (a band or a country missing from a list). */
  unpriced: { services: number; numbers: number };
}

const LISTS = {
  flatFeeBands: { select: { minUsers: true, maxUsers: true, pricePerUser: true } },
  numberPrices: { select: { countryCode: true, type: true, monthlyFee: true } },
} as const satisfies Prisma.PriceListInclude;

type List = NonNullable<Awaited<ReturnType<typeof priceListInForce<typeof LISTS>>>>;

/** A list's monthly prices: per user for a PBX's user count (R4's band), per number for a country and type (R6, R7). */
function pricesOf(list: List | null) {
  const numbers = new Map(list?.numberPrices.map((p) => [`${p.countryCode} ${p.type}`, p.monthlyFee]));
  return {
    currency: list?.currency,
    band: (users: number) =>
      list?.flatFeeBands.find((b) => users >= b.minUsers && (b.maxUsers === null || users <= b.maxUsers)),
    number: (countryCode: string, type: NumberType) => numbers.get(`${countryCode} ${type}`),
  };
}

interface Line {
  customerId: string;
  /** What is priced once per customer: the bands, or the country and type. */
  key: string;
  quantity: number;
  purchase: Prisma.Decimal;
  endUser: Prisma.Decimal;
}

/**
 * Monthly recurring cost and revenue of the partner as it stands at `now`: each running CLASSOUND
 * service is its users × its band's monthly flat fee (R4), each assigned number its monthly fee (R6,
 * R7); the cost at the partner's tier in force, the revenue at each customer's resale rule over the
 * same items (the End User list unless the partner set a markup). A suspended service bills no next
 * month (R9): left out. Set-based: two grouped statements however many PBXs and numbers; each
 * customer's line is rounded to cents once, as the invoice rounds a line.
 */
export async function recurring(db: Db, actor: Actor, now = new Date()): Promise<Recurring> {
  assertCan(actor, "invoices.view");
  if (actor.role !== "PARTNER") throw new AppError("FORBIDDEN", "Recurring revenue is a partner's own.");
  const partnerId = partnerIdOf(actor);
  const [period, endUserTier, services, numbers, ruleOf] = await Promise.all([
    tierInForce(db, partnerId, now),
    db.priceListTier.findUnique({ where: { code: END_USER_TIER_CODE }, select: { id: true } }),
    db.$queryRaw<{ customerId: string; users: number; pbxs: number }[]>`
      SELECT x."customerId", u.users, count(*)::int AS pbxs
      FROM "ClassoundService" s JOIN "Pbx" x ON x.id = s."pbxId" JOIN "Customer" c ON c.id = x."customerId"
      CROSS JOIN LATERAL (SELECT coalesce(sum(l.quantity), 0)::int AS users FROM "PbxLicense" l WHERE l."pbxId" = x.id) u
      WHERE c."partnerId" = ${partnerId} AND s.status = 'ACTIVE' AND s."endedAt" IS NULL AND s."expiresAt" > ${now}
      GROUP BY 1, 2`,
    db.$queryRaw<{ customerId: string; countryCode: string; type: NumberType; numbers: number }[]>`
      SELECT x."customerId", n."countryCode", n.type::text AS type, count(*)::int AS numbers
      FROM "PhoneNumber" n JOIN "Pbx" x ON x.id = n."pbxId"
      WHERE n."partnerId" = ${partnerId} AND n.status = 'ASSIGNED'
      GROUP BY 1, 2, 3`,
    resaleRulesOf(db, partnerId),
  ]);
  const [purchaseList, endUserList] = await Promise.all([
    period ? priceListInForce(db, period.tierId, now, LISTS) : null,
    endUserTier ? priceListInForce(db, endUserTier.id, now, LISTS) : null,
  ]);
  const purchase = pricesOf(purchaseList);
  const endUser = pricesOf(endUserList);

  const lines = new Map<string, Line>();
  const unpriced = { services: 0, numbers: 0 };
  const add = (line: Line) => {
    const id = `${line.customerId} ${line.key}`;
    const known = lines.get(id);
    if (known) known.quantity += line.quantity;
    else lines.set(id, line);
  };
  for (const s of services) {
    const [mine, list] = [purchase.band(s.users), endUser.band(s.users)];
    if (!mine || !list || s.users === 0) {
      unpriced.services += s.pbxs;
      continue;
    }
    const key = `flat ${mine.minUsers} ${list.minUsers}`;
    add({
      customerId: s.customerId,
      key,
      quantity: s.users * s.pbxs,
      purchase: mine.pricePerUser,
      endUser: list.pricePerUser,
    });
  }
  for (const n of numbers) {
    const [mine, list] = [purchase.number(n.countryCode, n.type), endUser.number(n.countryCode, n.type)];
    if (!mine || !list) {
      unpriced.numbers += n.numbers;
      continue;
    }
    add({
      customerId: n.customerId,
      key: `number ${n.countryCode} ${n.type}`,
      quantity: n.numbers,
      purchase: mine,
      endUser: list,
    });
  }

  const costs = new Map<string, Prisma.Decimal>();
  const revenues = new Map<string, Prisma.Decimal>();
  const addTo = (sums: Map<string, Prisma.Decimal>, currency: string, amount: Prisma.Decimal) =>
    sums.set(currency, (sums.get(currency) ?? new D(0)).add(amount));
  for (const line of lines.values()) {
    const rule = ruleOf(line.customerId);
    addTo(costs, purchase.currency!, cents(line.purchase.mul(line.quantity)));
    addTo(
      revenues,
      revenueCurrency(rule, purchase.currency!, endUser.currency!),
      cents(resalePrice(rule, line).mul(line.quantity)),
    );
  }

  const currencies = [...new Set([...costs.keys(), ...revenues.keys()])].sort();
  return {
    figures: currencies.map((currency) => {
      const [cost, revenue] = [costs.get(currency), revenues.get(currency)];
      return {
        currency,
        cost: (cost ?? new D(0)).toFixed(2),
        revenue: (revenue ?? new D(0)).toFixed(2),
        margin: cost && revenue ? revenue.sub(cost).toFixed(2) : null,
      };
    }),
    services: services.reduce((sum, s) => sum + s.pbxs, 0),
    users: services.reduce((sum, s) => sum + s.users * s.pbxs, 0),
    numbers: numbers.reduce((sum, n) => sum + n.numbers, 0),
    unpriced,
  };
}

/** A markup over the purchase price is in the partner's currency; the End User list's own otherwise. */
const revenueCurrency = (rule: ResaleRule, purchase: string, endUser: string) =>
  rule.basis === "PURCHASE_MARKUP" ? purchase : endUser;
