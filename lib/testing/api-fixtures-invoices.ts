import type { Db } from "@/lib/db/client";
import type { InvoiceStatus } from "@/lib/db/generated/enums";

let numbers = 0;

/**
 * An invoice of a Berlin partner's month (YYYY-MM) with two lines. Built as a draft with its lines
 * and then moved on, as the run and the issue do: the database refuses lines on an issued invoice.
 */
export async function makeApiInvoice(
  db: Db,
  partner: { id: string },
  month: string,
  status: InvoiceStatus,
  createdAt = new Date(),
) {
  const periodStart = new Date(`${month}-01T00:00:00+02:00`);
  const invoice = await db.invoice.create({
    data: {
      partnerId: partner.id,
      periodStart,
      periodEnd: new Date(periodStart.getTime() + 30 * 86_400_000),
      currency: "EUR",
      net: "120.50",
      vatRate: "19",
      vatAmount: "22.90",
      total: "143.40",
      createdAt,
      lines: {
        create: [
          {
            kind: "ACTIVATION",
            description: "Activation",
            quantity: "1",
            unitPrice: "100",
            amount: "100.00",
            formula: "1 × 100.00",
            sortOrder: 0,
          },
          {
            kind: "USAGE_CALLS_AREA",
            area: 1,
            description: "Calls, area 1",
            quantity: "1025",
            unitPrice: "0.02",
            amount: "20.50",
            formula: "1025 min × 0.02",
            sortOrder: 1,
          },
        ],
      },
    },
  });
  if (status === "DRAFT") return invoice;
  return db.invoice.update({
    where: { id: invoice.id },
    data: {
      status,
      number: `T-${++numbers}-${partner.id.slice(-8)}`,
      issuedAt: new Date(periodStart.getTime() + 32 * 86_400_000),
      dueAt: new Date(periodStart.getTime() + 46 * 86_400_000),
    },
  });
}

let months = 0;
/** A month no earlier call in this process used, for a partner's next invoice (one per partner and month). */
export const nextInvoiceMonth = () => {
  const month = new Date(Date.UTC(2020, months++, 1));
  return month.toISOString().slice(0, 7);
};
