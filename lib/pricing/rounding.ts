import { Prisma } from "@/lib/db/generated/client";

type DecimalLike = Prisma.Decimal | string | number;

/**
 * How every stored price is rounded, in one place: fees (flat fee, DID and FreePhone fees) to cents,
 * per-minute and per-SMS rates to 5 places (the columns' scale), half up.
 */
export const PRICE_PLACES = { fee: 2, rate: 5 } as const;
export type PriceKind = keyof typeof PRICE_PLACES;

export function roundPrice(value: DecimalLike, kind: PriceKind): Prisma.Decimal {
  return new Prisma.Decimal(value).toDecimalPlaces(PRICE_PLACES[kind], Prisma.Decimal.ROUND_HALF_UP);
}

/** A tier's price derived from the End User price by the tier's discount (0.30 = 30 % off). */
export function derivedTierPrice(
  endUserPrice: DecimalLike,
  discount: DecimalLike | null,
  kind: PriceKind,
): Prisma.Decimal {
  return roundPrice(new Prisma.Decimal(endUserPrice).mul(new Prisma.Decimal(1).minus(discount ?? 0)), kind);
}
