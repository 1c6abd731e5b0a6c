import { formatMoney } from "@/lib/format";
import type { OrderProduct } from "@/lib/numbers/context";

const SOURCE_LABEL = { FIXED: "From fixed lines", MOBILE: "From mobiles", PAYPHONE: "From payphones" } as const;

/** R6/R7: what one number of the chosen product costs, beside the choice. */
export function UnitPrices({ product, currency }: { product: OrderProduct; currency: string }) {
  return (
    <div className="space-y-2 text-sm">
      <p className="text-muted-foreground">
        Per number: {formatMoney(product.setupFee, currency)} setup, {formatMoney(product.monthlyFee, currency)} a
        month.
      </p>
      <FreephoneRates product={product} currency={currency} />
    </div>
  );
}

/** R7: a FreePhone number's inbound calls are charged per minute by the caller's source; shown with the fees. */
export function FreephoneRates({ product, currency }: { product: OrderProduct; currency: string }) {
  if (!product.perMinute) return null;
  return (
    <div className="mt-3" data-testid="freephone-rates">
      <p className="text-sm font-semibold text-foreground">Inbound calls, per minute</p>
      <dl className="mt-1 divide-y divide-border text-sm" aria-label="Inbound calls, per minute">
        {product.perMinute.map((r) => (
          <div key={r.source} className="flex justify-between gap-4 py-1">
            <dt className="text-muted-foreground">{SOURCE_LABEL[r.source]}</dt>
            <dd className="tabular-nums">{r.perMinute ? formatMoney(r.perMinute, currency, 4) : "Not priced"}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-1 text-xs text-muted-foreground">
        Charged per minute of each inbound call on the monthly invoice, not now.
      </p>
    </div>
  );
}
