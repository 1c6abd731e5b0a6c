import Link from "next/link";
import { InvoiceStatusBadge, monthLabel } from "@/components/billing/invoices/labels";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import type { MoneyKind, MonthMoney, MonthSoFar, PreviousInvoice } from "@/lib/billing/dashboard/month-so-far";
import { formatCount, formatDate, formatMoney, formatNumber } from "@/lib/format";

const link = "font-medium text-brand-700 hover:underline";

const KIND_LABEL: Record<MoneyKind, string> = {
  flatFees: "Flat fees",
  numbers: "Numbers",
  calls: "Calls",
  freephone: "FreePhone",
  sms: "SMS",
};

/** "3 calls and 1 SMS" not rated; null when everything is. */
function unratedWords({ calls, sms }: MonthSoFar["unrated"]) {
  const parts = [calls ? formatCount(calls, "call") : null, sms ? `${formatNumber(sms)} SMS` : null].filter(Boolean);
  return parts.length ? parts.join(" and ") : null;
}

function Money({ money }: { money: MonthMoney }) {
  const amount = (value: string) => formatMoney(value, money.currency);
  const vat = money.reverseCharge ? "VAT (reverse charge)" : `VAT ${money.vatRate} %`;
  return (
    <div className="space-y-2">
      <p className="text-2xl font-semibold tabular-nums text-foreground">
        {amount(money.net)}
        <span className="ml-2 text-sm font-normal text-muted-foreground">net</span>
      </p>
      <FactList
        facts={[
          ...(Object.keys(KIND_LABEL) as MoneyKind[]).map((k): [string, string] => [
            KIND_LABEL[k],
            amount(money.byKind[k]),
          ]),
          [vat, amount(money.vat)],
          ["Total with VAT", amount(money.total)],
        ]}
      />
    </div>
  );
}

function Previous({ previous }: { previous: PreviousInvoice | null }) {
  if (!previous) return <span className="text-muted-foreground">No invoice for last month.</span>;
  const month = monthLabel(previous.month);
  if (!previous.issued)
    return (
      <span className="flex flex-wrap items-center gap-2">
        {month}: invoice being prepared <InvoiceStatusBadge status={previous.status} />
      </span>
    );
  const { id, number, total, currency, dueAt } = previous.issued;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Link href={`/billing/invoices/${id}`} className={link}>
        {month}: invoice {number}
      </Link>
      <InvoiceStatusBadge status={previous.status} />
      <span className="tabular-nums">{formatMoney(total, currency)}</span>
      {dueAt && previous.status !== "PAID" && <span className="text-muted-foreground">due {formatDate(dueAt)}</span>}
    </span>
  );
}

/** The partner's current month as a run would bill it now, with what blocks it and last month's invoice. */
export function MonthSoFarCard({ data }: { data: MonthSoFar }) {
  const unrated = unratedWords(data.unrated);
  return (
    <Card aria-labelledby="month-so-far" className="flex min-w-0 flex-col">
      <CardHeader>
        <div>
          <CardTitle id="month-so-far">{monthLabel(data.month)} so far</CardTitle>
          <CardDescription>What your invoice would be if the month ended now.</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="flex-1 space-y-4">
        {unrated && (
          <Alert variant="warning" title={`${unrated} not rated yet`}>
            The month cannot be invoiced until they are. CLASSOUND re-rates them once their prices or numbers are fixed.
          </Alert>
        )}
        {data.money.length ? (
          data.money.map((m) => <Money key={m.currency} money={m} />)
        ) : (
          <p className="py-4 text-sm text-muted-foreground">Nothing charged yet this month.</p>
        )}
      </CardContent>
      <CardFooter className="justify-start text-sm">
        <Previous previous={data.previous} />
      </CardFooter>
    </Card>
  );
}
