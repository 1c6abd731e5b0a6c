import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { NumberType } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { basketQuote } from "@/lib/pricing/basket-quote";
import { priceListInForce } from "@/lib/pricing/price-list-in-force";

type Reader = Pick<Db, "pbx" | "priceList"> | Prisma.TransactionClient;

/** The PBX an order is for, within the actor's scope: another partner's PBX does not exist (404). */
export async function loadOrderPbx(db: Reader, actor: Actor, pbxId: string) {
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
      customer: { select: { partnerId: true, partner: { select: { tierId: true, timeZone: true } } } },
    },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  // R6: numbers hang off the CLASSOUND service.
  if (pbx.service?.status !== "ACTIVE") throw new AppError("CONFLICT", "CLASSOUND is not active on this PBX: numbers can be ordered once it is.");
  if (pbx.licensePlan === "LIFETIME" || !pbx.termExpiry) throw new AppError("CONFLICT", "A PBX with a lifetime license has no term to price numbers on.");
  return { ...pbx, licensePlan: pbx.licensePlan, termExpiry: pbx.termExpiry };
}
export type OrderPbx = Awaited<ReturnType<typeof loadOrderPbx>>;

/** R3 + R6/R7: the numbers' setup and monthly fees at the partner's tier, prorated to the PBX's expiry. */
export async function quoteNumbers(db: Reader, pbx: OrderPbx, item: { countryCode: string; type: NumberType; quantity: number }, now: Date) {
  if (pbx.termExpiry <= now) throw new AppError("CONFLICT", "The PBX's term has expired: renew it before ordering numbers.");
  const { tierId, timeZone } = pbx.customer.partner;
  const priceList = await priceListInForce(db, tierId, now, {
    flatFeeBands: { select: { sku: true, minUsers: true, maxUsers: true, pricePerUser: true } },
    numberPrices: { where: { countryCode: item.countryCode, type: item.type }, select: { countryCode: true, type: true, setupFee: true, monthlyFee: true } },
  });
  if (!priceList) throw new AppError("CONFLICT", "The partner's price list has no prices in force today.");
  return basketQuote({ pbx: { ...pbx, timeZone }, priceList, orderDate: now, flatFee: false, numbers: [item] });
}

/** What the order form offers: the country/type pairs the partner's price list prices, with their areas. */
export async function orderFormOptions(db: Db, actor: Actor, pbxId: string, now = new Date()) {
  assertCan(actor, "numbers.order");
  const pbx = await loadOrderPbx(db, actor, pbxId);
  const priceList = await priceListInForce(db, pbx.customer.partner.tierId, now, {
    numberPrices: { select: { countryCode: true, type: true, country: { select: { name: true } } }, orderBy: [{ countryCode: "asc" }, { type: "asc" }] },
  });
  const areas = await db.phoneNumber.groupBy({ by: ["countryCode", "type", "areaName"], where: { status: "AVAILABLE", areaName: { not: null } }, orderBy: { areaName: "asc" } });
  return {
    pbx: { id: pbx.id, name: pbx.name, termExpiry: pbx.termExpiry },
    products: (priceList?.numberPrices ?? []).map((p) => ({
      countryCode: p.countryCode,
      countryName: p.country.name,
      type: p.type,
      areas: areas.filter((a) => a.countryCode === p.countryCode && a.type === p.type).map((a) => a.areaName!),
    })),
  };
}
export type OrderFormOptions = Awaited<ReturnType<typeof orderFormOptions>>;
