import { toCsv } from "@/lib/csv/cell";
import type { RebillingCustomer } from "./month";
import { RESALE_BASIS_LABEL } from "./schemas";

const HEADER = [
  "Month",
  "Customer",
  "PBX",
  "Kind",
  "Description",
  "Quantity",
  "Currency",
  "Purchase",
  "End User list",
  "Resale",
  "Margin",
  "Resale rule",
  "Formula (purchase)",
];

/** How a rule reads in a file or on a page: "Markup over my purchase price: 25.00 %". */
export function ruleText(rule: RebillingCustomer["rule"]) {
  const label = RESALE_BASIS_LABEL[rule.basis];
  // A no-break space: "25.00 %" never wraps apart.
  return rule.basis === "END_USER_LIST" ? label : `${label}: ${rule.markupPercent}\u00a0%`;
}

/**
 * One customer's month as CSV for its partner (issue 33): every line with its purchase, End User
 * and resale amounts and the margin, then the totals. Through `toCsv`, so a customer or PBX named
 * "=..." stays text in a spreadsheet.
 */
export function rebillingCsv(month: string, customer: RebillingCustomer | undefined, customerName: string) {
  const rows = [HEADER];
  for (const l of customer?.lines ?? [])
    rows.push([
      month,
      customerName,
      l.pbxName ?? "",
      l.kind,
      l.description,
      l.quantity,
      l.currency,
      l.purchase,
      l.endUser,
      l.resale,
      l.margin,
      ruleText(customer!.rule),
      l.formula,
    ]);
  if (customer) {
    const t = customer.totals;
    rows.push([
      month,
      customerName,
      "",
      "TOTAL",
      "",
      "",
      customer.currency,
      t.purchase,
      t.endUser,
      t.resale,
      t.margin,
      ruleText(customer.rule),
      "",
    ]);
  }
  return toCsv(rows);
}

/** "rebilling-Brauhaus Technik-2026-10.csv": the customer's name kept readable, path characters out. */
export const rebillingFileName = (customerName: string, month: string) =>
  `rebilling-${customerName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "_").slice(0, 80)}-${month}.csv`;
