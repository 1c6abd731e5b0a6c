import Link from "next/link";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import type { Recurring } from "@/lib/billing/dashboard/recurring";
import { formatCount, formatMoney, formatNumber } from "@/lib/format";

/** Monthly recurring revenue (at the partner's resale prices), cost (at its tier) and margin, per currency. */
export function RecurringCard({ data }: { data: Recurring }) {
  const { services, users, numbers, unpriced } = data;
  const left = [
    unpriced.services ? formatCount(unpriced.services, "service") : null,
    unpriced.numbers ? formatCount(unpriced.numbers, "number") : null,
  ].filter(Boolean);
  return (
    <Card aria-labelledby="recurring" className="flex min-w-0 flex-col">
      <CardHeader>
        <div>
          <CardTitle id="recurring">Monthly recurring</CardTitle>
          <CardDescription>Flat fees of running services and the fees of your numbers, each month.</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="flex-1 space-y-4">
        {data.figures.length ? (
          data.figures.map((f) => (
            <FactList
              key={f.currency}
              facts={[
                ["Revenue, at your resale prices", formatMoney(f.revenue, f.currency)],
                ["Cost, at your price list", formatMoney(f.cost, f.currency)],
                ["Margin", f.margin === null ? "—" : formatMoney(f.margin, f.currency)],
              ]}
            />
          ))
        ) : (
          <p className="py-4 text-sm text-muted-foreground">
            No CLASSOUND service or number is running yet: nothing recurs.
          </p>
        )}
        <p className="text-sm text-muted-foreground">
          {formatCount(services, "service")} · {formatNumber(users)} {users === 1 ? "user" : "users"} ·{" "}
          {formatCount(numbers, "number")}
        </p>
        {left.length > 0 && (
          <p className="text-sm text-muted-foreground">
            Not in these figures, no price in force for them: {left.join(" and ")}.
          </p>
        )}
      </CardContent>
      <CardFooter className="justify-start text-sm">
        <Link href="/billing/resale-prices" className="font-medium text-brand-700 hover:underline">
          Resale prices
        </Link>
      </CardFooter>
    </Card>
  );
}
