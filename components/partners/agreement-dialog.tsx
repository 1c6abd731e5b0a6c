"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { reinstateAgreementAction, suspendAgreementAction } from "@/app/(portal)/admin/partners/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { useFormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { AgreementStatus } from "@/lib/db/generated/enums";
import { formatCount } from "@/lib/format";
import { ZAgreementChange, type TAgreementChange } from "@/lib/partners/schemas";

type Values = z.input<typeof ZAgreementChange>;

const STEPS = {
  suspend: {
    trigger: "Suspend agreement",
    title: "Suspend the agreement?",
    confirm: "Suspend agreement",
    variant: "danger",
    description:
      "The partner and its customers' users keep reading their data but can order, activate, upload or change nothing, and its active CLASSOUND services are suspended. Nothing already charged is refunded.",
    done: (n: number) => `Agreement suspended; ${formatCount(n, "service")} suspended`,
  },
  reinstate: {
    trigger: "Reinstate agreement",
    title: "Reinstate the agreement?",
    confirm: "Reinstate agreement",
    variant: "primary",
    description:
      "The partner can order and change again, and its suspended services come back unless their term ended meanwhile.",
    done: (n: number) => `Agreement reinstated; ${formatCount(n, "service")} active again`,
  },
} as const;

/** Suspend or reinstate, with the reason the audit log keeps; nothing for a terminated agreement. */
export function AgreementDialog({ partnerId, status }: { partnerId: string; status: AgreementStatus }) {
  const router = useRouter();
  const step = status === "ACTIVE" ? "suspend" : status === "SUSPENDED" ? "reinstate" : null;
  const defaults: Values = { partnerId, reason: "" };
  const form = useForm<Values, unknown, TAgreementChange>({
    resolver: zodResolver(ZAgreementChange),
    defaultValues: defaults,
  });
  const { open, onOpenChange, close, error, submit } = useFormDialog(form, defaults);
  if (!step) return null;
  const words = STEPS[step];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant={words.variant === "danger" ? "danger" : "primary"}>{words.trigger}</Button>
      </DialogTrigger>
      <DialogContent title={words.title} description={words.description} role="alertdialog">
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit(
            step === "suspend" ? suspendAgreementAction : reinstateAgreementAction,
            (result: { servicesSuspended?: number; servicesReinstated?: number }) => {
              toast({
                title: words.done(result.servicesSuspended ?? result.servicesReinstated ?? 0),
                variant: "success",
              });
              close();
              router.refresh();
            },
          )}
        >
          <FormField
            label="Reason"
            required
            hint="Kept in the partner's history and the audit log."
            error={form.formState.errors.reason?.message}
          >
            {(field) => <Textarea {...field} {...form.register("reason")} rows={3} maxLength={1000} />}
          </FormField>
          {error && <Alert variant="danger">{error}</Alert>}
          <DialogFooter>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant={words.variant} loading={form.formState.isSubmitting}>
              {words.confirm}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
