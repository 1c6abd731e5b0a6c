import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { LicensePlan, NumberType } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { basketQuote, type BasketPbx, type BasketPriceList } from "@/lib/pricing/basket-quote";
import { tierIdInForce, tierInForceSql, tierPeriodInForce } from "@/lib/partners/tier-in-force";
import { priceListInForce, priceListInForceSql } from "@/lib/pricing/price-list-in-force";
import { NUMBER_TYPES } from "./blocks";
import { stockByProduct, stockOf } from "./stock";

type Reader = Pick<Db, "pbx" | "priceList"> | Prisma.TransactionClient;

/** The PBX an order is for, within the actor's scope: another partner's PBX does not exist (404). */
export async function loadOrderPbx(db: Reader, actor: Actor, pbxId: string, now = new Date()) {
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: pbxId }] },
    select: {
      id: true,
      name: true,
      licensePlan: true,
      termStart: true,
      termExpiry: true,
      licenses: { select: { quantity: true } },
      service: { select: { status: true } },
      customer: {
        select: {
          partnerId: true,
          // The tier at the order's date (docs/decisions/0041): the period in force, not `Partner.tierId`.
          partner: { select: { tierId: true, timeZone: true, tierPeriods: tierPeriodInForce(now) } },
        },
      },
    },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  return { ...pbx, ...assertNumbersOrderable({ serviceStatus: pbx.service?.status, ...pbx }) };
}
export type OrderPbx = Awaited<ReturnType<typeof loadOrderPbx>>;

/** R6: numbers hang off an active CLASSOUND service, and are priced on a PBX's term (so not a lifetime license). */
function assertNumbersOrderable(pbx: {
  serviceStatus?: string | null;
  licensePlan: LicensePlan;
  termExpiry: Date | null;
}) {
  if (pbx.serviceStatus !== "ACTIVE")
    throw new AppError("CONFLICT", "CLASSOUND is not active on this PBX: numbers can be ordered once it is.");
  if (pbx.licensePlan === "LIFETIME" || !pbx.termExpiry)
    throw new AppError("CONFLICT", "A PBX with a lifetime license has no term to price numbers on.");
  return { licensePlan: pbx.licensePlan, termExpiry: pbx.termExpiry };
}

type QuotedPbx = BasketPbx & { termExpiry: Date };
type NumberPriceRow = NonNullable<BasketPriceList["numberPrices"]>[number];
type NumberItem = { countryCode: string; type: NumberType; quantity: number };

/** The quote itself, from rows already read: basketQuote, the one pricing function. */
function quoteFromPriceList(pbx: QuotedPbx, priceList: BasketPriceList | null, item: NumberItem, now: Date) {
  if (!priceList) throw new AppError("CONFLICT", "The partner's price list has no prices in force today.");
  return basketQuote({ pbx, priceList, orderDate: now, flatFee: false, numbers: [item] });
}

/**
 * R3 + R6/R7: the numbers' setup and monthly fees at the partner's tier, prorated to the PBX's expiry.
 * The tier is the period in force that `loadOrderPbx` read, at the same `now`.
 */
export async function quoteNumbers(db: Reader, pbx: OrderPbx, item: NumberItem, now: Date) {
  if (pbx.termExpiry <= now)
    throw new AppError("CONFLICT", "The PBX's term has expired: renew it before ordering numbers.");
  const { timeZone } = pbx.customer.partner;
  const priceList = await priceListInForce(db, tierIdInForce(pbx.customer.partner), now, {
    flatFeeBands: { select: { sku: true, minUsers: true, maxUsers: true, pricePerUser: true } },
    numberPrices: {
      where: { countryCode: item.countryCode, type: item.type },
      select: { countryCode: true, type: true, setupFee: true, monthlyFee: true },
    },
  });
  return quoteFromPriceList({ ...pbx, timeZone }, priceList, item, now);
}

/**
 * What a number order needs before it allocates, in ONE statement instead of the eight of
 * loadOrderPbx + quoteNumbers (the order is the hot path, docs/performance.md): the PBX within the
 * policy's tenant rule (scope.pbxTenant, the same rule as scope.pbxs), its service, its users, the
 * partner's tier and time zone, and the tier's price list in force with its price for this country
 * and type. The same checks as loadOrderPbx; `quote` then prices it like quoteNumbers.
 */
export async function loadOrderContext(
  db: Db,
  actor: Actor,
  pbxId: string,
  item: Omit<NumberItem, "quantity">,
  now: Date,
) {
  const tenant = scope.pbxTenant(actor);
  const inTenant = !tenant
    ? Prisma.sql`true`
    : "partnerId" in tenant
      ? Prisma.sql`c."partnerId" = ${tenant.partnerId}`
      : Prisma.sql`p."customerId" = ${tenant.customerId}`;
  const [row] = await db.$queryRaw<
    {
      id: string;
      licensePlan: LicensePlan;
      termStart: Date;
      termExpiry: Date | null;
      serviceStatus: string | null;
      users: number;
      partnerId: string;
      timeZone: string;
      priceListId: string | null;
      currency: string | null;
      setupFee: NumberPriceRow["setupFee"] | null;
      monthlyFee: NumberPriceRow["monthlyFee"] | null;
    }[]
  >`
    SELECT p."id", p."licensePlan"::text AS "licensePlan", p."termStart", p."termExpiry", s."status"::text AS "serviceStatus",
           (SELECT coalesce(sum(l."quantity"), 0)::int FROM "PbxLicense" l WHERE l."pbxId" = p."id") AS "users",
           c."partnerId", pa."timeZone", pl."id" AS "priceListId", pl."currency", np."setupFee", np."monthlyFee"
    FROM "Pbx" p
    JOIN "Customer" c ON c."id" = p."customerId"
    JOIN "Partner" pa ON pa."id" = c."partnerId"
    LEFT JOIN "ClassoundService" s ON s."pbxId" = p."id"
    LEFT JOIN LATERAL (${priceListInForceSql(tierInForceSql(Prisma.sql`pa."id"`, now), now)}) pl ON true
    LEFT JOIN "NumberPrice" np ON np."priceListId" = pl."id" AND np."countryCode" = ${item.countryCode} AND np."type" = ${item.type}::"NumberType"
    WHERE p."id" = ${pbxId} AND ${inTenant}`;
  if (!row) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  const { licensePlan, termExpiry } = assertNumbersOrderable(row);
  const pbx: QuotedPbx = {
    licensePlan,
    termStart: row.termStart,
    termExpiry,
    licenses: [{ quantity: row.users }],
    timeZone: row.timeZone,
  };
  // Numbers never carry the flat fee (flatFee: false), so its bands are not read.
  const priceList: BasketPriceList | null = row.priceListId
    ? {
        currency: row.currency!,
        flatFeeBands: [],
        numberPrices:
          row.setupFee === null
            ? []
            : [{ countryCode: item.countryCode, type: item.type, setupFee: row.setupFee, monthlyFee: row.monthlyFee! }],
      }
    : null;
  return {
    pbxId: row.id,
    partnerId: row.partnerId,
    /** Prices `quantity` numbers of the item: throws CONFLICT when the term has expired or nothing is priced. */
    quote(quantity: number) {
      if (termExpiry <= now)
        throw new AppError("CONFLICT", "The PBX's term has expired: renew it before ordering numbers.");
      return quoteFromPriceList(pbx, priceList, { ...item, quantity }, now);
    },
  };
}

/** R7: the caller's sources a FreePhone minute price depends on, in the order the quote lists them. */
export const FREEPHONE_SOURCES = ["FIXED", "MOBILE", "PAYPHONE"] as const;

/**
 * What the order form offers: the country/type pairs the partner's price list prices, sorted by
 * country name (the i18n-iso-countries name the seed stores) then type, each with its unit prices
 * (R6; R7's per-minute inbound prices by source for FreePhone) and its free blocks of 1, 10 and 100
 * per area, counted for every product in one statement (stockByProduct). A product without stock is
 * still listed, marked, so the partner can ask support for it.
 */
export async function orderFormOptions(db: Db, actor: Actor, pbxId: string, now = new Date()) {
  assertCanChange(actor, "numbers.order");
  const pbx = await loadOrderPbx(db, actor, pbxId, now);
  const partnerId = pbx.customer.partnerId;
  const [priceList, stock] = await Promise.all([
    priceListInForce(db, tierIdInForce(pbx.customer.partner), now, {
      numberPrices: {
        select: {
          countryCode: true,
          type: true,
          setupFee: true,
          monthlyFee: true,
          country: { select: { name: true } },
        },
      },
      freephoneRates: { select: { countryCode: true, source: true, perMinute: true } },
    }),
    stockByProduct(db, partnerId),
  ]);
  const rates = priceList?.freephoneRates ?? [];
  const products = (priceList?.numberPrices ?? []).map((p) => ({
    countryCode: p.countryCode,
    countryName: p.country.name,
    type: p.type,
    setupFee: p.setupFee.toFixed(2),
    monthlyFee: p.monthlyFee.toFixed(2),
    perMinute:
      p.type === "FREEPHONE"
        ? FREEPHONE_SOURCES.map((source) => ({
            source,
            perMinute:
              rates.find((r) => r.countryCode === p.countryCode && r.source === source)?.perMinute.toFixed(4) ?? null,
          }))
        : null,
    stock: stockOf(stock, p.countryCode, p.type),
  }));
  products.sort(
    (x, y) =>
      x.countryName.localeCompare(y.countryName, "en") || NUMBER_TYPES.indexOf(x.type) - NUMBER_TYPES.indexOf(y.type),
  );
  return {
    pbx: { id: pbx.id, name: pbx.name, termExpiry: pbx.termExpiry },
    currency: priceList?.currency ?? "EUR",
    products,
  };
}
export type OrderFormOptions = Awaited<ReturnType<typeof orderFormOptions>>;
export type OrderProduct = OrderFormOptions["products"][number];
