import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { ruleText } from "@/lib/billing/resale/csv";
import type { RebillingCustomer, Totals } from "@/lib/billing/resale/month";
import { formatMoney } from "@/lib/format";

const num = "px-3 py-2 text-right tabular-nums whitespace-nowrap";

/** Purchase, resale and margin side by side, as a definition list that wraps on a phone. */
export function TotalsList({ totals, currency }: { totals: Totals; currency: string }) {
  const items = [
    ["Purchase", totals.purchase],
    ["End User list", totals.endUser],
    ["Resale", totals.resale],
    ["Margin", totals.margin],
  ] as const;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="text-base font-semibold tabular-nums">{formatMoney(value, currency)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One customer's month: its totals, its rule, the CSV, and its lines folded away until asked for. */
function CustomerCard({ customer, month }: { customer: RebillingCustomer; month: string }) {
  const name = customer.customerName ?? "Charges of no customer";
  const cur = customer.currency;
  return (
    <Card aria-labelledby={`c-${customer.customerId ?? "none"}`}>
      <CardHeader>
        <div className="min-w-0">
          <CardTitle id={`c-${customer.customerId ?? "none"}`} className="break-words">
            {name}
          </CardTitle>
          <CardDescription>
            {ruleText(customer.rule)}
            {customer.rule.source === "partner" ? " (your rule for all customers)" : ""}
            {customer.rule.source === "default" ? " (default)" : ""}
          </CardDescription>
        </div>
        {customer.customerId && (
          <a
            className="text-sm font-medium text-brand-700 hover:underline"
            href={`/api/billing/rebilling/${customer.customerId}?month=${month}`}
            download
          >
            Download CSV<span className="sr-only"> of {name}</span>
          </a>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        <TotalsList totals={customer.totals} currency={cur} />
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {customer.lines.length} {customer.lines.length === 1 ? "line" : "lines"}
            <span className="sr-only"> of {name}</span>
          </summary>
          <TableScrollRegion label={`Lines of ${name}`} className="mt-3">
            <table className="w-full min-w-[44rem] text-sm">
              <thead className="bg-neutral-50 text-left text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    PBX
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Line
                  </th>
                  <th scope="col" className={num}>
                    Purchase
                  </th>
                  <th scope="col" className={num}>
                    End User list
                  </th>
                  <th scope="col" className={num}>
                    Resale
                  </th>
                  <th scope="col" className={num}>
                    Margin
                  </th>
                </tr>
              </thead>
              <tbody>
                {customer.lines.map((l, i) => (
                  <tr key={i} className="border-t border-neutral-200 align-top">
                    <td className="px-3 py-2">{l.pbxName ?? "—"}</td>
                    <td className="px-3 py-2">
                      {l.description}
                      {l.quantity && <span className="block text-xs text-muted-foreground">{l.quantity}</span>}
                      <span className="block text-xs break-words text-muted-foreground">{l.formula}</span>
                      {!l.endUserListed && (
                        <span className="block text-xs text-warning-800">
                          The End User list has no price for this: your purchase price stands in.
                        </span>
                      )}
                    </td>
                    <td className={num}>{formatMoney(l.purchase, cur)}</td>
                    <td className={num}>{formatMoney(l.endUser, cur)}</td>
                    <td className={num}>{formatMoney(l.resale, cur)}</td>
                    <td className={num}>{formatMoney(l.margin, cur)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScrollRegion>
        </details>
      </CardContent>
    </Card>
  );
}

export function RebillingCustomers({ customers, month }: { customers: RebillingCustomer[]; month: string }) {
  return (
    <div className="space-y-4">
      {customers.map((c) => (
        <CustomerCard key={c.customerId ?? "none"} customer={c} month={month} />
      ))}
    </div>
  );
}

export function ResalePricesLink() {
  return (
    <Link href="/billing/resale-prices" className="text-sm font-medium text-brand-700 hover:underline">
      Set your resale prices
    </Link>
  );
}
