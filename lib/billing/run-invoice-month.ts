import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { RATING_LOCK_SQL } from "@/lib/cdr/rating/rate-month";
import type { Prisma } from "@/lib/db/generated/client";
import { gatherMonth, monthParameters, unratedCounts, type UnratedCount } from "./gather";
import { buildLines, invoiceCurrency, invoiceTotal } from "./lines";
import { vatOf, vatTreatment } from "./vat";

/** A partner-local calendar month, "2026-10" (docs/decisions/0041). */
export const ZInvoiceMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "A month as YYYY-MM");
export const ZInvoiceRun = z.object({ partnerId: z.string().min(1), month: ZInvoiceMonth });
export type InvoiceRunInput = z.infer<typeof ZInvoiceRun>;

/** A month of many PBXs is a few aggregates, but they read a month of calls: minutes, not Prisma's 5 s. */
const RUN_TRANSACTION = { timeout: 10 * 60_000, maxWait: 60_000 };

export type InvoiceRunResult =
  /** A draft built (or rebuilt) with these lines. */
  | { outcome: "DRAFTED"; invoiceId: string; net: string; total: string; currency: string; lines: number }
  /** Issued, paid or overdue: never rebuilt (corrections are credit notes, a later slice). */
  | { outcome: "ISSUED_UNTOUCHED"; invoiceId: string; status: string }
  /** Calls or SMS of the month not rated: not invoiced, never billed at 0 (docs/decisions/0041). */
  | { outcome: "BLOCKED"; blocked: Blocked; message: string; draftRemoved: boolean }
  /** Nothing to bill: no invoice (a draft of an earlier run is removed). */
  | { outcome: "NOTHING_TO_BILL"; draftRemoved: boolean };

export interface Blocked {
  calls: number;
  sms: number;
  reasons: UnratedCount[];
}

/**
 * Builds the DRAFT invoice of one partner's local calendar month (docs/decisions/0059): every
 * service charge and completed number-order line of the partner that arose in the month and is not
 * invoiced yet, and the month's rated usage. Idempotent: one transaction under a per-partner-month
 * lock, so a second run, a retry after a crash (nothing of a rolled-back run remains) or two runs at
 * once end with one invoice and each charge on it once. A draft is rebuilt from scratch; an issued
 * invoice is left as it is.
 */
export async function runInvoiceMonth(db: Db, input: InvoiceRunInput, now: Date): Promise<InvoiceRunResult> {
  const { partnerId, month } = ZInvoiceRun.parse(input);
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.findUniqueOrThrow({
      where: { id: partnerId },
      select: {
        timeZone: true,
        name: true,
        countryCode: true,
        vatNumber: true,
        billingEmail: true,
        country: { select: { name: true } },
      },
    });
    await lockMonth(tx, partnerId, month);
    const [period] = await tx.$queryRaw<{ start: Date; end: Date }[]>`
      SELECT (${`${month}-01 00:00:00`}::timestamp AT TIME ZONE ${partner.timeZone}) AS start,
             ((${`${month}-01 00:00:00`}::timestamp + interval '1 month') AT TIME ZONE ${partner.timeZone}) AS "end"`;
    const existing = await tx.invoice.findUnique({
      where: { partnerId_periodStart: { partnerId, periodStart: period!.start } },
    });
    if (existing && existing.status !== "DRAFT")
      return { outcome: "ISSUED_UNTOUCHED", invoiceId: existing.id, status: existing.status } as const;

    const params = monthParameters(partnerId, month);
    const unrated = await unratedCounts(tx, params);
    // A stale draft (built before a late file brought unrated calls) must not survive to be issued.
    if (unrated.length) return { ...blocked(unrated, month), draftRemoved: await removeDraft(tx, existing?.id) };

    if (existing) await releaseDraft(tx, existing.id);
    const lines = buildLines(await gatherMonth(tx, params));
    if (!lines.length)
      return { outcome: "NOTHING_TO_BILL", draftRemoved: await removeDraft(tx, existing?.id) } as const;

    const currency = invoiceCurrency(lines);
    const net = invoiceTotal(lines);
    const billedTo = {
      name: partner.name,
      countryCode: partner.countryCode,
      countryName: partner.country.name,
      vatNumber: partner.vatNumber,
      billingEmail: partner.billingEmail,
    };
    // Supplied over the month: the rate in force on its last day.
    const vat = vatTreatment(billedTo, new Date(period!.end.getTime() - 1));
    const vatAmount = vatOf(net, vat.rate);
    const total = net.add(vatAmount);
    const data = {
      currency,
      net,
      vatRate: vat.rate,
      vatAmount,
      vatNote: vat.note,
      reverseCharge: vat.reverseCharge,
      total,
      billedTo,
      periodEnd: period!.end,
    };
    const invoice = existing
      ? await tx.invoice.update({ where: { id: existing.id }, data })
      : await tx.invoice.create({
          data: { ...data, partnerId, periodStart: period!.start, status: "DRAFT", createdAt: now },
        });
    await tx.invoiceLine.createMany({
      data: lines.map((l, sortOrder) => ({
        invoiceId: invoice.id,
        kind: l.kind,
        pbxId: l.pbxId,
        area: l.area,
        countryCode: l.countryCode,
        freephoneSource: l.freephoneSource,
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        amount: l.amount,
        formula: l.formula,
        sortOrder,
      })),
    });
    await claim(tx, invoice.id, lines);
    return {
      outcome: "DRAFTED",
      invoiceId: invoice.id,
      net: net.toFixed(2),
      total: total.toFixed(2),
      currency,
      lines: lines.length,
    } as const;
  }, RUN_TRANSACTION);
}

/**
 * One run per partner-month at a time (its own lock), and no rating of the partner's PBXs in that
 * month meanwhile: the same locks a rating of those PBXs takes (lib/cdr/rating/rate-month.ts
 * RATING_LOCK_SQL: the month's lock shared, then each PBX's in sorted order), so the unrated check and the
 * sums read one rating's result, never half of a re-rating.
 */
async function lockMonth(tx: Prisma.TransactionClient, partnerId: string, month: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('classound.invoice-run'), hashtext(${`${partnerId}:${month}`}))`;
  const pbxIds = (await tx.pbx.findMany({ where: { customer: { partnerId } }, select: { id: true } })).map((p) => p.id);
  await tx.$queryRawUnsafe(RATING_LOCK_SQL, month, pbxIds.sort());
}

function blocked(unrated: UnratedCount[], month: string) {
  const count = (table: UnratedCount["table"]) =>
    unrated.filter((u) => u.table === table).reduce((sum, u) => sum + u.count, 0);
  const result: Blocked = { calls: count("calls"), sms: count("sms"), reasons: unrated };
  const why = unrated.map((u) => `${u.count} ${u.table === "calls" ? "calls" : "SMS"} ${u.reason}`).join(", ");
  return {
    outcome: "BLOCKED" as const,
    blocked: result,
    message:
      `${month} is not invoiced: ${result.calls} calls and ${result.sms} SMS are not rated (${why}). ` +
      "Fix their prices or numbers and re-rate the month (/admin/rating), then run the invoice again.",
  };
}

/** Frees what a draft billed, and its lines, so the run gathers again from the charges themselves. */
async function releaseDraft(tx: Prisma.TransactionClient, invoiceId: string) {
  await tx.invoiceLine.deleteMany({ where: { invoiceId } });
  await tx.serviceCharge.updateMany({ where: { invoiceId }, data: { invoiceId: null } });
  await tx.numberOrderLine.updateMany({ where: { invoiceId }, data: { invoiceId: null } });
}

async function removeDraft(tx: Prisma.TransactionClient, invoiceId: string | undefined) {
  if (!invoiceId) return false;
  await releaseDraft(tx, invoiceId);
  await tx.invoice.delete({ where: { id: invoiceId } });
  return true;
}

/**
 * Marks each billed charge and order line as invoiced. Under the run's lock nobody else claims these
 * rows; the count check still refuses (rolls back) rather than bill a row twice if one was.
 */
async function claim(tx: Prisma.TransactionClient, invoiceId: string, lines: ReturnType<typeof buildLines>) {
  const chargeIds = lines.flatMap((l) => (l.chargeId ? [l.chargeId] : []));
  const orderLineIds = lines.flatMap((l) => (l.orderLineId ? [l.orderLineId] : []));
  const charges = await tx.serviceCharge.updateMany({
    where: { id: { in: chargeIds }, invoiceId: null },
    data: { invoiceId },
  });
  const orderLines = await tx.numberOrderLine.updateMany({
    where: { id: { in: orderLineIds }, invoiceId: null },
    data: { invoiceId },
  });
  if (charges.count !== chargeIds.length || orderLines.count !== orderLineIds.length)
    throw new Error("A charge of this month was invoiced by another run meanwhile: run the month again.");
}
