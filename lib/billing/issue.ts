import { isDeepStrictEqual } from "node:util";
import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { InvoiceLineKind } from "@/lib/db/generated/enums";
import { AppError, parseOrThrow } from "@/lib/errors";
import { monthKeyIn } from "@/lib/format";
import { queueMail } from "@/lib/mail";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { gatherMonth, monthParameters } from "./gather";
import { buildLines } from "./lines";
import { billedToFrom, PARTNER_AS_BILLED, ZBilledTo } from "./billed-to";
import { invoiceMail } from "./mail";
import { documentYear, nextDocumentNumber } from "./numbering";
import { lockRun } from "./run-locks";
import { ZIssueInvoice, type TIssueInvoice } from "./schemas";
import { SUPPLIER } from "./supplier";

type Tx = Prisma.TransactionClient;

/** Re-checking the month reads its usage again (a few aggregates): more than Prisma's 5 s default. */
const ISSUE_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };
const DAY_MS = 24 * 60 * 60_000;

/**
 * Issues a DRAFT invoice (docs/decisions/0061): numbers it without gaps in the year of its issue
 * date, dates it and its due date, freezes it (the database's trigger keeps it as issued from then
 * on) and writes the mail with its PDF to the partner's billing address, all in one transaction.
 * A draft that no longer matches its month (calls not rated, charges added, usage re-rated, the
 * partner's billing details changed) is refused: the admin runs the month again and reviews it.
 * Of two admins issuing the same draft at once, one issues it and the other is told so.
 */
export async function issueInvoice(db: Db, actor: Actor, input: TIssueInvoice, now: Date) {
  assertCanChange(actor, "invoices.manage");
  const { invoiceId } = parseOrThrow(ZIssueInvoice, input);
  return db.$transaction(async (tx) => {
    const draft = await tx.invoice.findUnique({
      where: { id: invoiceId },
      select: { partnerId: true, periodStart: true, partner: { select: { timeZone: true } } },
    });
    if (!draft) throw new AppError("NOT_FOUND", "This invoice does not exist.");
    const { timeZone } = draft.partner;
    const month = monthKeyIn(draft.periodStart, timeZone);
    // The run's locks first (no run rebuilds the draft, no rating changes the month meanwhile), then
    // the row, in the run's order: a run and an issue never interleave, and never deadlock.
    await lockRun(tx, month, [draft.partnerId]);
    const invoice = await lockedInvoice(tx, invoiceId);
    // A run that found the month blocked or empty removed the draft meanwhile.
    if (!invoice) throw new AppError("CONFLICT", "This draft was removed by a run of its month meanwhile.");
    if (invoice.status !== "DRAFT")
      throw new AppError("CONFLICT", `This invoice was already issued as ${invoice.number}.`);
    await assertDraftCurrent(tx, invoice, month);

    const number = await nextDocumentNumber(tx, "INVOICE", documentYear(now));
    const dueAt = new Date(now.getTime() + SUPPLIER.paymentTermDays * DAY_MS);
    // Conditional, so nothing but a draft is ever numbered, whatever happened since the read.
    const { count } = await tx.invoice.updateMany({
      where: { id: invoiceId, status: "DRAFT" },
      data: { status: "ISSUED", number, issuedAt: now, dueAt },
    });
    if (count !== 1) throw new AppError("CONFLICT", "This invoice was issued meanwhile.");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "invoice.issued",
      entityType: "Invoice",
      entityId: invoiceId,
      detail: { number, partnerId: draft.partnerId, total: invoice.total.toFixed(2), currency: invoice.currency },
    });
    // The draft is current (checked above): it bills the partner as its record reads.
    const billedTo = billedToFrom(invoice.partner);
    await queueMail(tx, [invoiceMail({ ...invoice, number, billedTo, dueAt, timeZone })]);
    await emitWebhookEvent(tx, draft.partnerId, "invoice.issued", issuedEvent(invoice, { number, dueAt }, now), now);
    return { id: invoiceId, number, issuedAt: now, dueAt };
  }, ISSUE_TRANSACTION);
}

/** What the partner's systems receive of an issued invoice (webhook "invoice.issued"): money as exact decimal strings. */
function issuedEvent(
  invoice: { id: string; periodStart: Date; periodEnd: Date; currency: string } & Record<
    "net" | "vatAmount" | "total",
    Prisma.Decimal
  >,
  { number, dueAt }: { number: string; dueAt: Date },
  now: Date,
) {
  return {
    id: invoice.id,
    number,
    status: "ISSUED",
    issuedAt: now.toISOString(),
    dueAt: dueAt.toISOString(),
    periodStart: invoice.periodStart.toISOString(),
    periodEnd: invoice.periodEnd.toISOString(),
    currency: invoice.currency,
    net: invoice.net.toFixed(2),
    vatAmount: invoice.vatAmount.toFixed(2),
    total: invoice.total.toFixed(2),
  };
}

const USAGE_KINDS: InvoiceLineKind[] = ["USAGE_CALLS_AREA", "USAGE_FREEPHONE", "USAGE_SMS"];

async function lockedInvoice(tx: Tx, invoiceId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Invoice" WHERE id = ${invoiceId} FOR UPDATE`;
  return tx.invoice.findUnique({
    where: { id: invoiceId },
    include: {
      lines: { where: { kind: { in: USAGE_KINDS } } },
      partner: {
        select: PARTNER_AS_BILLED,
      },
    },
  });
}

/** What makes two usage lines the same line, to the cent. */
const usageKey = (line: {
  kind: string;
  pbxId: string | null;
  area: number | null;
  countryCode: string | null;
  freephoneSource: string | null;
  formula: string;
  amount: Prisma.Decimal;
}) =>
  [line.kind, line.pbxId, line.area, line.countryCode, line.freephoneSource, line.formula, line.amount.toFixed(2)].join(
    "|",
  );

/**
 * Refuses a draft a fresh run would not build the same (docs/decisions/0061): the month has calls
 * or SMS not rated (never billed at 0), a charge or number order arose after the draft (not on it),
 * its usage was re-rated, or the partner's billing details changed (the VAT may follow them).
 */
async function assertDraftCurrent(
  tx: Tx,
  invoice: NonNullable<Awaited<ReturnType<typeof lockedInvoice>>>,
  month: string,
) {
  const params = monthParameters(invoice.partnerId, month);
  const gathered = await gatherMonth(tx, params);
  if (gathered.unrated.length) {
    const count = gathered.unrated.reduce((sum, u) => sum + u.count, 0);
    throw new AppError(
      "CONFLICT",
      `${month} now has ${count} calls or SMS not rated: this draft cannot be issued. Re-rate the month (/admin/rating), then run the invoice again.`,
    );
  }
  const fresh = buildLines(gathered);
  const rerun = "Run the month again and review the new draft before issuing it.";
  if (fresh.some((line) => line.chargeId || line.orderLineId))
    throw new AppError("CONFLICT", `Charges of ${month} arose after this draft was built and are not on it. ${rerun}`);
  const drafted = invoice.lines.map(usageKey).sort();
  const now = fresh.map(usageKey).sort();
  if (drafted.join("\n") !== now.join("\n"))
    throw new AppError("CONFLICT", `The usage of ${month} was rated again since this draft was built. ${rerun}`);
  const stored = ZBilledTo.safeParse(invoice.billedTo);
  if (!stored.success || !isDeepStrictEqual(stored.data, billedToFrom(invoice.partner)))
    throw new AppError("CONFLICT", `The partner's billing details changed since this draft was built. ${rerun}`);
}
