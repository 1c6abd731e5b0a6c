import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import type { CustomerMonth } from "@/lib/billing/resale/month";
import { formatMoney } from "@/lib/format";

const num = "px-3 py-2 text-right tabular-nums whitespace-nowrap";

/** An end user's month: each line at its price, then the total. Nothing here knows a purchase price. */
export function CustomerMonthTable({
  month,
  label,
}: {
  month: CustomerMonth & { currency: string; total: string };
  label: string;
}) {
  const cur = month.currency;
  return (
    <TableScrollRegion label={label}>
      <table className="w-full text-sm">
        <thead className="bg-neutral-50 text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2">
              PBX
            </th>
            <th scope="col" className="px-3 py-2">
              Charge
            </th>
            <th scope="col" className={num}>
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {month.lines.map((l, i) => (
            <tr key={i} className="border-t border-neutral-200 align-top">
              <td className="px-3 py-2">{l.pbxName ?? "—"}</td>
              <td className="px-3 py-2">
                {l.description}
                {l.quantity && <span className="block text-xs text-muted-foreground">{l.quantity}</span>}
              </td>
              <td className={num}>{formatMoney(l.amount, cur)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-neutral-300 font-semibold">
            <th scope="row" colSpan={2} className="px-3 py-2 text-left">
              Total
            </th>
            <td className={num}>{formatMoney(month.total, cur)}</td>
          </tr>
        </tfoot>
      </table>
    </TableScrollRegion>
  );
}
