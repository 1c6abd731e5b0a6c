import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { csvValue } from "@/lib/csv/cell";
import { readCsvTable } from "@/lib/csv/read";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError, controlCharacterIssues, parseOrThrow } from "@/lib/errors";
import { formatCount, formatMoney } from "@/lib/format";
import { lockedBalances, outstanding, settlePaidInvoices, type InvoiceBalance } from "./balance";
import { supplierDay } from "./numbering";
import { ZMarkOverdue, ZMarkPaid, ZPaymentRow, type TMarkOverdue, type TMarkPaid } from "./schemas";

const D = Prisma.Decimal;
type Tx = Prisma.TransactionClient;

const money = (amount: Prisma.Decimal, currency: string) => formatMoney(amount.toFixed(2), currency);
const day = (paidOn: string) => new Date(`${paidOn}T00:00:00Z`);

/** Why a payment cannot go on an invoice, or null when it can (the same rules for the form and the file). */
function refusalOf(balance: InvoiceBalance | undefined, amount: Prisma.Decimal, paidOn: string, now: Date) {
  if (!balance) return { field: "invoiceId", message: "This invoice does not exist." };
  if (balance.status === "DRAFT")
    return { field: "invoiceId", message: "A draft is not issued: nothing is due on it yet." };
  if (balance.status === "PAID") return { field: "invoiceId", message: `Invoice ${balance.number} is paid already.` };
  if (paidOn > supplierDay(now)) return { field: "paidOn", message: "The payment cannot arrive after today." };
  const left = outstanding(balance);
  if (amount.gt(left))
    return {
      field: "amount",
      message: `${money(amount, balance.currency)} is more than the ${money(left, balance.currency)} still due on invoice ${balance.number}.`,
    };
  return null;
}

/**
 * Records a payment an admin saw arrive (docs/decisions/0061). A partial payment is recorded and the
 * invoice stays ISSUED or OVERDUE; once its payments cover its total less its credit notes it is
 * PAID (dated by the last payment's day). One payment per invoice and bank reference.
 */
export async function markInvoicePaid(db: Db, actor: Actor, input: TMarkPaid, now: Date) {
  assertCanChange(actor, "invoices.manage");
  const { invoiceId, amount: typed, paidOn, reference } = parseOrThrow(ZMarkPaid, input);
  const amount = new D(typed);
  return db.$transaction(async (tx) => {
    const [balance] = await lockedBalances(tx, { ids: [invoiceId] });
    if (!balance) throw new AppError("NOT_FOUND", "This invoice does not exist.");
    const taken = await tx.invoicePayment.findUnique({
      where: { invoiceId_reference: { invoiceId, reference } },
      select: { id: true },
    });
    if (taken)
      throw new AppError("INVALID", "Check the highlighted fields.", {
        reference: [`A payment with the reference ${reference} is recorded on this invoice already.`],
      });
    const refusal = refusalOf(balance, amount, paidOn, now);
    if (refusal?.field === "invoiceId") throw new AppError("CONFLICT", refusal.message);
    if (refusal) throw new AppError("INVALID", "Check the highlighted fields.", { [refusal.field]: [refusal.message] });

    const payment = await tx.invoicePayment.create({
      data: {
        invoiceId,
        amount,
        paidOn: day(paidOn),
        reference,
        source: "MANUAL",
        createdById: actor.userId,
        createdAt: now,
      },
    });
    const paid = await settlePaidInvoices(tx, [invoiceId], now);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "invoice.payment_recorded",
      entityType: "Invoice",
      entityId: invoiceId,
      detail: {
        number: balance.number,
        amount: amount.toFixed(2),
        currency: balance.currency,
        paidOn,
        reference,
        paid: paid.length > 0,
      },
    });
    return {
      paymentId: payment.id,
      status: paid.length ? ("PAID" as const) : balance.status,
      outstanding: outstanding({ due: balance.due, paid: balance.paid.add(amount) }).toFixed(2),
    };
  });
}

/**
 * An admin marks an issued invoice past its due date OVERDUE (the daily job does the same for all,
 * `unsafeMarkOverdueInvoices`). Refused before the due date and for any other status.
 */
export async function markInvoiceOverdue(db: Db, actor: Actor, input: TMarkOverdue, now: Date) {
  assertCanChange(actor, "invoices.manage");
  const { invoiceId } = parseOrThrow(ZMarkOverdue, input);
  return db.$transaction(async (tx) => {
    const { count } = await tx.invoice.updateMany({
      where: { id: invoiceId, status: "ISSUED", dueAt: { lt: now } },
      data: { status: "OVERDUE" },
    });
    const invoice = await tx.invoice.findUnique({
      where: { id: invoiceId },
      select: { number: true, status: true, dueAt: true },
    });
    if (!invoice) throw new AppError("NOT_FOUND", "This invoice does not exist.");
    if (!count)
      throw new AppError(
        "CONFLICT",
        invoice.status === "ISSUED"
          ? `Invoice ${invoice.number} is not due until ${supplierDay(invoice.dueAt!)}.`
          : `Only an issued, unpaid invoice can become overdue (this one is ${invoice.status.toLowerCase()}).`,
      );
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "invoice.marked_overdue",
      entityType: "Invoice",
      entityId: invoiceId,
      detail: { numbers: [invoice.number] },
    });
    return { id: invoiceId, status: "OVERDUE" as const };
  });
}

/** The daily job: every issued invoice past its due date becomes OVERDUE, in one UPDATE. */
export async function unsafeMarkOverdueInvoices(db: Db, now: Date) {
  return db.$transaction(async (tx) => {
    const marked = await tx.invoice.updateManyAndReturn({
      where: { status: "ISSUED", dueAt: { lt: now } },
      data: { status: "OVERDUE" },
      select: { number: true },
    });
    const numbers = marked.map((m) => m.number!).sort();
    if (numbers.length)
      await recordAudit(tx, { action: "invoice.marked_overdue", entityType: "Invoice", detail: { numbers } });
    return numbers.length;
  });
}

/** The bank's payments file: one payment a row, under this header (any order, any case, spaces or underscores). */
export const PAYMENT_CSV_COLUMNS = ["invoice_number", "amount", "paid_on", "reference"] as const;
type PaymentColumn = (typeof PAYMENT_CSV_COLUMNS)[number];
export const PAYMENT_IMPORT_MAX_ROWS = 5000;
export const PAYMENT_IMPORT_MAX_BYTES = 1_000_000;

export interface PaymentImportReport {
  /** Payments recorded by this import. */
  applied: number;
  /** Rows already recorded by an earlier import (same invoice and reference, same amount): nothing added. */
  alreadyRecorded: number;
  refused: { line: number; reason: string }[];
  /** Invoices this import made PAID, by number. */
  paidInvoices: string[];
}

interface Row {
  line: number;
  cells: Record<PaymentColumn, string>;
}

function readRows(text: string): Row[] {
  const { names, rows: body } = readCsvTable(text, "The file is empty.");
  const missing = PAYMENT_CSV_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length)
    throw new AppError(
      "INVALID",
      `The header lacks ${missing.join(", ")}: it must name the columns ${PAYMENT_CSV_COLUMNS.join(",")}.`,
    );
  if (body.length > PAYMENT_IMPORT_MAX_ROWS)
    throw new AppError(
      "TOO_LARGE",
      `The file has ${formatCount(body.length, "row")}: at most ${PAYMENT_IMPORT_MAX_ROWS} payments at once. Split it.`,
    );
  return body.map(({ record, line }) => ({
    line,
    cells: Object.fromEntries(
      PAYMENT_CSV_COLUMNS.map((column) => [column, csvValue(record[names.indexOf(column)])]),
    ) as Row["cells"],
  }));
}

const COLUMN_OF_FIELD: Record<string, string> = {
  invoiceNumber: "invoice number",
  amount: "amount",
  paidOn: "paid on",
  reference: "reference",
};

/**
 * Imports the bank's payments (docs/decisions/0061): columns invoice number, amount, paid on
 * (YYYY-MM-DD) and reference. Every row is checked first (an unknown or draft invoice, a bad amount
 * or date, a row repeated in the file, more than is due, an invoice already paid); each refused row
 * is reported with its line and why, and the others are recorded in one transaction. A row whose
 * invoice and reference are recorded already adds nothing, so importing a file twice adds nothing.
 */
export async function importPayments(db: Db, actor: Actor, csvText: string, now: Date): Promise<PaymentImportReport> {
  assertCanChange(actor, "invoices.manage");
  if (Buffer.byteLength(csvText, "utf8") > PAYMENT_IMPORT_MAX_BYTES)
    throw new AppError("TOO_LARGE", `The file is larger than ${PAYMENT_IMPORT_MAX_BYTES / 1_000_000} MB: split it.`);
  const refused: PaymentImportReport["refused"] = [];
  const parsed: { line: number; invoiceNumber: string; amount: Prisma.Decimal; paidOn: string; reference: string }[] =
    [];
  for (const { line, cells } of readRows(csvText)) {
    const fields = {
      invoiceNumber: cells.invoice_number,
      amount: cells.amount,
      paidOn: cells.paid_on,
      reference: cells.reference,
    };
    const issues = controlCharacterIssues(fields);
    const result = issues.length ? null : ZPaymentRow.safeParse(fields);
    if (!result?.success) {
      const all = issues.length ? issues : result!.error!.issues;
      refused.push({ line, reason: all.map((i) => `${COLUMN_OF_FIELD[String(i.path[0])]}: ${i.message}`).join("; ") });
      continue;
    }
    parsed.push({ line, ...result.data, amount: new D(result.data.amount) });
  }

  return db.$transaction(
    async (tx) => {
      const balances = await lockedBalances(tx, { numbers: [...new Set(parsed.map((p) => p.invoiceNumber))] });
      const byNumber = new Map(balances.map((b) => [b.number!, b]));
      const recorded = await recordedPayments(
        tx,
        balances.map((b) => b.id),
      );
      const firstLine = new Map<string, number>();
      const accepted: Prisma.InvoicePaymentCreateManyInput[] = [];
      let alreadyRecorded = 0;
      for (const row of parsed) {
        const refuse = (reason: string) => refused.push({ line: row.line, reason });
        const balance = byNumber.get(row.invoiceNumber);
        const key = `${row.invoiceNumber}\n${row.reference}`;
        const earlier = firstLine.get(key);
        if (earlier !== undefined) {
          refuse(
            `The payment ${row.reference} of invoice ${row.invoiceNumber} is also on line ${earlier}: each payment once.`,
          );
          continue;
        }
        firstLine.set(key, row.line);
        if (!balance) {
          refuse(`No issued invoice is numbered ${row.invoiceNumber}.`);
          continue;
        }
        const before = recorded.get(`${balance.id}\n${row.reference}`);
        if (before) {
          if (before.eq(row.amount)) alreadyRecorded++;
          else
            refuse(
              `A payment with the reference ${row.reference} is recorded on invoice ${row.invoiceNumber} already, for ${money(before, balance.currency)}.`,
            );
          continue;
        }
        const refusal = refusalOf(balance, row.amount, row.paidOn, now);
        if (refusal) {
          refuse(refusal.message);
          continue;
        }
        // Later rows of the same invoice see this one: together they never pay more than is due.
        balance.paid = balance.paid.add(row.amount);
        accepted.push({
          invoiceId: balance.id,
          amount: row.amount,
          paidOn: day(row.paidOn),
          reference: row.reference,
          source: "CSV_IMPORT",
          createdById: actor.userId,
          createdAt: now,
        });
      }
      refused.sort((a, b) => a.line - b.line);
      const { count } = await tx.invoicePayment.createMany({ data: accepted });
      const paidInvoices = await settlePaidInvoices(tx, [...new Set(accepted.map((a) => a.invoiceId))], now);
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "invoice.payments_imported",
        detail: { applied: count, alreadyRecorded, refused: refused.length, paidInvoices },
      });
      return { applied: count, alreadyRecorded, refused, paidInvoices };
    },
    { timeout: 60_000 },
  );
}

async function recordedPayments(tx: Tx, invoiceIds: string[]) {
  const payments = await tx.invoicePayment.findMany({
    where: { invoiceId: { in: invoiceIds } },
    select: { invoiceId: true, reference: true, amount: true },
  });
  return new Map(payments.map((p) => [`${p.invoiceId}\n${p.reference}`, p.amount]));
}
