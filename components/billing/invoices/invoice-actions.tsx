"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import {
  issueCreditNoteAction,
  issueInvoiceAction,
  markInvoiceOverdueAction,
  markInvoicePaidAction,
  rerunInvoiceMonthAction,
} from "@/app/(portal)/admin/invoices/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormDialogFooter, useFormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { InvoiceDetail } from "@/lib/billing/queries";
import { ZCreditNoteInput, ZMarkPaid, type TCreditNoteInput, type TMarkPaid } from "@/lib/billing/schemas";
import type { ActionResult } from "@/lib/http/action-result";
import { formatMoney } from "@/lib/format";
import { monthLabel } from "./labels";

type Invoice = Pick<
  InvoiceDetail,
  "id" | "status" | "number" | "month" | "currency" | "total" | "outstanding" | "net" | "credited" | "dueAt"
> & {
  partner: { name: string };
};

/** A ConfirmDialog's work: the action's failure becomes the error it shows. */
async function orThrow<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const outcome = await result;
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.data;
}

/** What an admin may do with the invoice in its state: issue or re-run a draft; record payment, mark overdue, credit an issued one. */
export function InvoiceActions({ invoice, today }: { invoice: Invoice; today: string }) {
  const router = useRouter();
  const money = (amount: string) => formatMoney(amount, invoice.currency);
  if (invoice.status === "DRAFT")
    return (
      <>
        <ConfirmDialog
          trigger={<Button variant="secondary">Re-run month</Button>}
          title={`Run ${monthLabel(invoice.month)} again?`}
          description="The draft is built again from what is recorded now (late charges, re-rated calls). It keeps its page; reload it in a moment."
          confirmLabel="Re-run month"
          onConfirm={async () => {
            await orThrow(rerunInvoiceMonthAction({ invoiceId: invoice.id }));
            toast({ title: "Run queued", description: "The draft is rebuilt in the background.", variant: "success" });
            router.refresh();
          }}
        />
        <ConfirmDialog
          trigger={<Button>Issue invoice</Button>}
          title="Issue this invoice?"
          description={`It is numbered, frozen (an issued invoice never changes: corrections are credit notes) and e-mailed with its PDF to ${invoice.partner.name}. Total ${money(invoice.total)}.`}
          confirmLabel="Issue invoice"
          onConfirm={async () => {
            const issued = await orThrow(issueInvoiceAction({ invoiceId: invoice.id }));
            toast({
              title: `Invoice ${issued.number} issued`,
              description: "It is on its way to the partner.",
              variant: "success",
            });
            router.refresh();
          }}
        />
      </>
    );
  return (
    <>
      {invoice.status === "ISSUED" && (
        <ConfirmDialog
          trigger={<Button variant="secondary">Mark overdue</Button>}
          title="Mark this invoice overdue?"
          description="For an issued invoice past its due date and not paid (the daily check does the same)."
          confirmLabel="Mark overdue"
          variant="danger"
          onConfirm={async () => {
            await orThrow(markInvoiceOverdueAction({ invoiceId: invoice.id }));
            toast({ title: `Invoice ${invoice.number} is overdue`, variant: "success" });
            router.refresh();
          }}
        />
      )}
      <CreditNoteDialog invoice={invoice} />
      {/* Keyed by what is still to pay, so a payment or credit note since gives the form its new default. */}
      {invoice.status !== "PAID" && <MarkPaidDialog key={invoice.outstanding} invoice={invoice} today={today} />}
    </>
  );
}

function MarkPaidDialog({ invoice, today }: { invoice: Invoice; today: string }) {
  const router = useRouter();
  const defaults: z.input<typeof ZMarkPaid> = {
    invoiceId: invoice.id,
    amount: invoice.outstanding,
    paidOn: today,
    reference: "",
  };
  const form = useForm<z.input<typeof ZMarkPaid>, unknown, TMarkPaid>({
    resolver: zodResolver(ZMarkPaid),
    defaultValues: defaults,
  });
  const { register, formState } = form;
  const { open, onOpenChange, close, error, submit } = useFormDialog(form, defaults);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>Mark paid</Button>
      </DialogTrigger>
      <DialogContent
        title="Record a payment"
        description={`${formatMoney(invoice.outstanding, invoice.currency)} is still to pay. A part payment is recorded and the invoice stays open.`}
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit(markInvoicePaidAction, (result) => {
            toast({
              title: result.status === "PAID" ? `Invoice ${invoice.number} is paid` : "Payment recorded",
              description:
                result.status === "PAID"
                  ? undefined
                  : `${formatMoney(result.outstanding, invoice.currency)} still to pay.`,
              variant: "success",
            });
            close();
            router.refresh();
          })}
        >
          <FormField label={`Amount (${invoice.currency})`} required error={formState.errors.amount?.message}>
            {(field) => <Input {...field} {...register("amount")} inputMode="decimal" autoComplete="off" />}
          </FormField>
          <FormField
            label="Paid on"
            required
            hint="The day the money arrived."
            error={formState.errors.paidOn?.message}
          >
            {(field) => <Input {...field} {...register("paidOn")} type="date" />}
          </FormField>
          <FormField label="Bank reference" required error={formState.errors.reference?.message}>
            {(field) => <Input {...field} {...register("reference")} maxLength={140} autoComplete="off" />}
          </FormField>
          <FormDialogFooter
            error={error}
            onCancel={close}
            submitLabel="Record payment"
            pending={formState.isSubmitting}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function CreditNoteDialog({ invoice }: { invoice: Invoice }) {
  const router = useRouter();
  const defaults: z.input<typeof ZCreditNoteInput> = { invoiceId: invoice.id, net: "", reason: "" };
  const form = useForm<z.input<typeof ZCreditNoteInput>, unknown, TCreditNoteInput>({
    resolver: zodResolver(ZCreditNoteInput),
    defaultValues: defaults,
  });
  const { register, formState } = form;
  const { open, onOpenChange, close, error, submit } = useFormDialog(form, defaults);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary">Credit note</Button>
      </DialogTrigger>
      <DialogContent
        title={`Credit invoice ${invoice.number}`}
        description="An issued invoice never changes: a credit note takes money back, with VAT at the invoice's rate, and is e-mailed to the partner."
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit(issueCreditNoteAction, (note) => {
            toast({ title: `Credit note ${note.number} issued`, variant: "success" });
            close();
            router.refresh();
          })}
        >
          <FormField
            label={`Amount before VAT (${invoice.currency})`}
            required
            hint={`At most the invoice's net (${formatMoney(invoice.net, invoice.currency)}) less earlier credit notes.`}
            error={formState.errors.net?.message}
          >
            {(field) => <Input {...field} {...register("net")} inputMode="decimal" autoComplete="off" />}
          </FormField>
          <FormField
            label="Reason"
            required
            hint="Printed on the credit note."
            error={formState.errors.reason?.message}
          >
            {(field) => <Textarea {...field} {...register("reason")} rows={3} maxLength={500} />}
          </FormField>
          <FormDialogFooter
            error={error}
            onCancel={close}
            submitLabel="Issue credit note"
            pending={formState.isSubmitting}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
