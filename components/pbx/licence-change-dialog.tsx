"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { applyLicenceChangeAction, previewLicenceChangeAction } from "@/app/(portal)/pbxs/[id]/(hub)/licence/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormDialogFooter } from "@/components/ui/form-dialog";
import { toast } from "@/components/ui/toast";
import { formatMoney } from "@/lib/format";
import type { ActionFailure } from "@/lib/http/action-result";
import type { LicenceChangeOutcome } from "@/lib/pbx/licence-change";
import type { TLicenceChange } from "@/lib/pbx/schemas";

/** What a change will do and charge, as the server computed it: shown before it is confirmed. */
export function LicenceChangeOutcomeView({ outcome }: { outcome: LicenceChangeOutcome }) {
  return (
    <div className="space-y-3 text-sm" aria-live="polite">
      <ul className="space-y-1">
        {outcome.changes.map((line) => (
          <li key={line} className="font-medium text-foreground">
            {line}
          </li>
        ))}
      </ul>
      {outcome.charge ? (
        <div className="rounded-card border border-border bg-neutral-50 px-4 py-3">
          <p className="font-semibold text-foreground">
            Charge raised: {formatMoney(outcome.charge.amount, outcome.charge.currency)}
          </p>
          <p className="mt-1 text-xs break-words text-muted-foreground">{outcome.charge.description}</p>
        </div>
      ) : (
        <p className="font-semibold text-foreground">No charge.</p>
      )}
      {outcome.notes.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-muted-foreground">
          {outcome.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A licence change in two steps: the form, then what the server says it will do and charge (the same
 * computation that stores it), then "Confirm". A refusal at either step goes back to the form with
 * each message beside its field.
 */
export function LicenceChangeDialog<V extends FieldValues, O extends TLicenceChange>({
  form,
  defaults,
  trigger,
  title,
  description,
  confirmLabel,
  done,
  children,
}: {
  form: UseFormReturn<V, unknown, O>;
  defaults: V;
  trigger: string;
  title: string;
  description: string;
  confirmLabel: string;
  /** The toast's title once it is stored. */
  done: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [review, setReview] = useState<{ values: O; outcome: LicenceChangeOutcome } | null>(null);
  const [confirming, setConfirming] = useState(false);

  // Opened, the form starts from the licence as the page shows it now (a change just stored moved it).
  function onOpenChange(next: boolean) {
    setOpen(next);
    setReview(null);
    setError(null);
    form.reset(defaults);
  }

  function refused(result: ActionFailure) {
    setReview(null);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
      form.setError(field as Path<V>, { message: messages[0] });
    setError(result.error);
  }

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await previewLicenceChangeAction(values);
    if (!result.ok) return refused(result);
    setReview({ values, outcome: result.data });
  });

  async function confirm() {
    if (!review) return;
    setConfirming(true);
    const result = await applyLicenceChangeAction(review.values);
    setConfirming(false);
    if (!result.ok) return refused(result);
    onOpenChange(false);
    toast({ title: done, variant: "success" });
    router.refresh();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary">{trigger}</Button>
      </DialogTrigger>
      <DialogContent title={title} description={description} size="md">
        {review ? (
          <div className="space-y-4">
            <h3 className="text-sm font-semibold text-foreground">Check before you confirm</h3>
            <LicenceChangeOutcomeView outcome={review.outcome} />
            <DialogFooter>
              <Button variant="secondary" onClick={() => setReview(null)}>
                Back
              </Button>
              <Button onClick={confirm} loading={confirming}>
                {confirmLabel}
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form noValidate onSubmit={submit} className="space-y-4">
            {children}
            <FormDialogFooter
              error={error}
              onCancel={() => onOpenChange(false)}
              submitLabel="Review the change"
              pending={form.formState.isSubmitting}
            />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
