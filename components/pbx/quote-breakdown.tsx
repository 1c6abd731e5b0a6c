import { formatMoney, formatNumber } from "@/lib/format";
import type { QuoteView } from "@/lib/pricing/pbx-quote";

/**
 * The first charge with its formula, so a partner or reviewer can check it by hand. Every page that shows
 * the amount renders this one component from flatFeeQuote's result. No "use client": it renders in both.
 */
export function QuoteBreakdown({ quote }: { quote: QuoteView }) {
  const money = (amount: string) => formatMoney(amount, quote.currency);
  const rows: [string, string][] = [
    ["Band", quote.sku],
    ["Users", formatNumber(quote.users)],
    ["Price per user and month", money(quote.unitPrice)],
    [
      `Term price (${formatNumber(quote.users)} × ${money(quote.unitPrice)} × ${quote.months} ${quote.months === 1 ? "month" : "months"})`,
      money(quote.termPrice),
    ],
    ["Days of the term charged", `${formatNumber(quote.effectiveDays)} of ${formatNumber(quote.termDays)}`],
  ];
  return (
    <div data-testid="quote">
      <dl className="divide-y divide-border text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="flex flex-wrap justify-between gap-x-4 py-1.5">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="text-right tabular-nums text-foreground">{value}</dd>
          </div>
        ))}
        <div className="flex flex-wrap justify-between gap-x-4 py-2">
          <dt className="font-semibold text-foreground">First charge</dt>
          <dd className="text-right text-base font-semibold tabular-nums text-foreground" data-testid="quote-amount">
            {money(quote.amount)}
          </dd>
        </div>
      </dl>
      <p className="mt-1 text-xs text-muted-foreground">
        {money(quote.termPrice)} × {quote.effectiveDays}/{quote.termDays} days, rounded to the cent. The amount is fixed
        on the day of approval.
      </p>
    </div>
  );
}
