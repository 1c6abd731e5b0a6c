import { formatMoney } from "@/lib/format";

/** An order's charge lines, each with the formula that gives its amount (basketQuote's lines). */
export function ChargeLines({
  lines,
  total,
  totalLabel,
  currency,
}: {
  lines: { description: string; amount: string; formula: string }[];
  total: string;
  totalLabel: string;
  currency: string;
}) {
  return (
    <dl className="divide-y divide-border text-sm">
      {lines.map((l) => (
        // One dt and its two dd (amount, formula) directly in the group: axe refuses a dt nested deeper.
        <div key={l.description} className="flex flex-wrap justify-between gap-x-4 py-1.5">
          <dt className="text-muted-foreground">{l.description}</dt>
          <dd className="tabular-nums">{formatMoney(l.amount, currency)}</dd>
          <dd className="basis-full text-xs break-words text-muted-foreground" data-testid="quote-formula">
            {l.formula}
          </dd>
        </div>
      ))}
      <div className="flex flex-wrap justify-between gap-x-4 py-2 font-semibold">
        <dt>{totalLabel}</dt>
        <dd className="tabular-nums" data-testid="order-total">
          {formatMoney(total, currency)}
        </dd>
      </div>
    </dl>
  );
}
