import { unratedCallsNote, type TMoney } from "@/lib/cdr/statistics/price-columns";
import { formatMoney } from "@/lib/format";

const total = (rows: TMoney[], price: "purchase" | "endUser") =>
  rows.length ? rows.map((r) => formatMoney(r[price] ?? "0", r.currency)).join(" + ") : formatMoney("0", "EUR");

/**
 * A money figure as a stat card shows it: the purchase cost with its End User price beside it (the
 * margin) for whoever sees both; the End User price alone otherwise. The figure carries only what the
 * actor may see (`visiblePrices`): this only lays it out.
 */
export function moneyCard(rows: TMoney[]): { value: string; detail?: string } {
  // Calls without a price are counted apart from the money, never as 0.
  const unrated = unratedCallsNote(rows);
  if (!rows.some((r) => r.purchase !== undefined)) return { value: total(rows, "endUser"), detail: unrated };
  const detail = `${total(rows, "endUser")} at End User prices`;
  return { value: total(rows, "purchase"), detail: unrated ? `${detail} · ${unrated}` : detail };
}
