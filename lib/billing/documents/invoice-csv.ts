import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { csvRow } from "@/lib/csv/cell";
import { invoiceHead, invoiceLabel, invoiceLines } from "./invoice-source";

const HEADER = [
  "Invoice",
  "PBX",
  "Customer",
  "Kind",
  "Description",
  "Formula",
  "Quantity",
  "Unit price",
  "Amount",
  "Currency",
];

/**
 * The invoice's lines as CSV (issue 33), one row per line, then its net, VAT and total rows, with
 * the figures the PDF prints as plain decimals a spreadsheet reads as numbers. Every cell goes
 * through the one CSV writer, which neutralises a text starting with "=". For an id the caller has
 * authorised; a missing one is NOT_FOUND.
 */
export async function invoiceCsv(db: Db, invoiceId: string): Promise<string> {
  const head = await invoiceHead(db, invoiceId);
  const number = invoiceLabel(head);
  const rows = [csvRow(HEADER)];
  for await (const l of invoiceLines(db, invoiceId))
    rows.push(
      csvRow([
        number,
        l.pbxName ?? "",
        l.customerName ?? "",
        l.kind,
        l.description,
        l.formula,
        new Prisma.Decimal(l.quantity).toString(),
        new Prisma.Decimal(l.unitPrice).toFixed(5),
        new Prisma.Decimal(l.amount).toFixed(2),
        head.currency,
      ]),
    );
  const total = (kind: string, description: string, amount: Prisma.Decimal, note = "") =>
    csvRow([number, "", "", kind, description, note, "", "", amount.toFixed(2), head.currency]);
  rows.push(
    total("NET", "Net", head.net),
    total("VAT", `VAT ${head.vatRate.toString()} %`, head.vatAmount, head.vatNote),
    total("TOTAL", "Total", head.total),
  );
  return rows.join("");
}
