"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import {
  approveAction,
  rejectAction,
  requestChangesAction,
  startReviewAction,
} from "@/app/(portal)/admin/activations/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog, Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { ZRejectRequest, ZRequestChanges } from "@/lib/activations/schemas";
import type { ActionResult } from "@/lib/http/action-result";
import type { PbxQuote } from "@/lib/pricing/pbx-quote";
import { QuoteBreakdown } from "@/components/pbx/quote-breakdown";

interface ReviewActionsProps {
  requestId: string;
  version: number;
  status: string;
  documents: { id: string; name: string }[];
  /** What approving charges the partner, from the same function the approval uses. */
  quote: PbxQuote | null;
}

export function ReviewActions({ requestId, version, status, documents, quote }: ReviewActionsProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<ActionResult>, success: string) {
    const result = await work();
    if (!result.ok) throw new Error(result.error);
    toast({ title: success, variant: "success" });
    router.refresh();
  }

  return (
    <div className="flex flex-wrap gap-3">
      {status === "SUBMITTED" && (
        <Button
          variant="secondary"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await run(() => startReviewAction({ requestId, version }), "Review started");
            } catch (error) {
              toast({ title: "Could not start the review", description: (error as Error).message, variant: "error" });
              router.refresh();
            }
            setBusy(false);
          }}
        >
          Start review
        </Button>
      )}
      <ConfirmDialog
        title="Approve and activate CLASSOUND?"
        description="CLASSOUND goes live on this PBX for the rest of its term, and the prorated first charge is recorded."
        confirmLabel="Approve"
        onConfirm={() => run(() => approveAction({ requestId, version }), "Approved: CLASSOUND is active")}
        trigger={<Button>Approve</Button>}
      >
        {quote?.quote && <QuoteBreakdown quote={quote.quote} />}
        {quote?.unavailable && <Alert variant="warning">{quote.unavailable}</Alert>}
      </ConfirmDialog>
      <RequestChangesDialog
        requestId={requestId}
        version={version}
        documents={documents}
        onDone={() => router.refresh()}
      />
      <RejectDialog requestId={requestId} version={version} onDone={() => router.refresh()} />
    </div>
  );
}

function RejectDialog({ requestId, version, onDone }: { requestId: string; version: number; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ZRejectRequest), defaultValues: { requestId, version, reason: "" } });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="danger">Reject</Button>
      </DialogTrigger>
      <DialogContent
        title="Reject the request"
        description="The partner sees this reason. A rejected request cannot be reopened."
      >
        <form
          noValidate
          onSubmit={form.handleSubmit(async (values) => {
            setError(null);
            const result = await rejectAction({ ...values, requestId, version });
            if (!result.ok) return setError(result.error);
            toast({ title: "Request rejected", variant: "success" });
            setOpen(false);
            onDone();
          })}
        >
          <FormField label="Reason" error={form.formState.errors.reason?.message}>
            {(field) => <Textarea {...field} {...form.register("reason")} rows={4} />}
          </FormField>
          {error && (
            <Alert variant="danger" className="mt-3">
              {error}
            </Alert>
          )}
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" loading={form.formState.isSubmitting}>
              Reject request
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RequestChangesDialog({
  requestId,
  version,
  documents,
  onDone,
}: {
  requestId: string;
  version: number;
  documents: { id: string; name: string }[];
  onDone: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Record<string, { checked: boolean; comment: string }>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = {
      requestId,
      version,
      documents: Object.entries(selected)
        .filter(([, v]) => v.checked)
        .map(([documentId, v]) => ({ documentId, comment: v.comment })),
    };
    const parsed = ZRequestChanges.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const index = issue.path[1];
        const key = typeof index === "number" ? input.documents[index].documentId : "form";
        errors[key] ??= issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await requestChangesAction(parsed.data);
    setPending(false);
    if (!result.ok) return setError(result.error);
    toast({ title: "Changes requested", description: "The partner has been notified.", variant: "success" });
    setOpen(false);
    onDone();
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">Request changes</Button>
      </DialogTrigger>
      <DialogContent
        title="Ask for documents to be replaced"
        description="Choose each document to replace and say why. The partner can replace only these."
        size="lg"
      >
        <form noValidate onSubmit={submit} className="space-y-4">
          {documents.map((doc) => {
            const state = selected[doc.id] ?? { checked: false, comment: "" };
            const update = (next: Partial<typeof state>) =>
              setSelected((s) => ({ ...s, [doc.id]: { ...state, ...next } }));
            return (
              <div key={doc.id} className="space-y-2 rounded-control border border-neutral-200 p-3">
                <Checkbox
                  label={doc.name}
                  checked={state.checked}
                  onChange={(e) => update({ checked: e.target.checked })}
                />
                {state.checked && (
                  <FormField label={`What must change in “${doc.name}”`} error={fieldErrors[doc.id]}>
                    {(field) => (
                      <Textarea
                        {...field}
                        rows={2}
                        value={state.comment}
                        onChange={(e) => update({ comment: e.target.value })}
                      />
                    )}
                  </FormField>
                )}
              </div>
            );
          })}
          {fieldErrors.form && <Alert variant="danger">{fieldErrors.form}</Alert>}
          {error && <Alert variant="danger">{error}</Alert>}
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              Send to the partner
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
