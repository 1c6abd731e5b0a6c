"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { setUsageAlertThresholdsAction } from "@/app/(portal)/customers/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormDialogFooter, useFormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import {
  MAX_USAGE_ALERT_THRESHOLDS,
  ZUsageAlertThresholds,
  type TUsageAlertThresholdsInput,
} from "@/lib/customers/schemas";

/** A partner's own usage-alert thresholds for one customer: percents of each user's included minutes and SMS. */
export function UsageAlertsDialog({
  customer,
  thresholds,
}: {
  customer: { id: string; name: string };
  thresholds: { percents: number[]; isDefault: boolean };
}) {
  const router = useRouter();
  const defaults: TUsageAlertThresholdsInput = {
    customerId: customer.id,
    percents: thresholds.isDefault ? "" : thresholds.percents.join(", "),
  };
  // `raw`: the text goes to the server as typed, where the same schema parses it.
  const form = useForm<TUsageAlertThresholdsInput>({
    resolver: zodResolver(ZUsageAlertThresholds, undefined, { raw: true }),
    defaultValues: defaults,
  });
  const { register, formState } = form;
  const { open, setOpen, onOpenChange, close, error, submit } = useFormDialog(form, defaults);
  const current = `${thresholds.percents.map((p) => `${p} %`).join(", ")}${thresholds.isDefault ? " (default)" : ""}`;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          Usage alerts: {current}
          <span className="sr-only"> for {customer.name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Usage alerts for ${customer.name}`}
        description="You and the customer's users are notified once a month when a user's use reaches each of these shares of the 3,000 included minutes or 200 included SMS."
        size="md"
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit(setUsageAlertThresholdsAction, (saved) => {
            toast({ title: `Usage alerts at ${saved.percents.map((p) => `${p} %`).join(", ")}`, variant: "success" });
            setOpen(false);
            router.refresh();
          })}
        >
          <FormField
            label="Thresholds in percent"
            hint={`Up to ${MAX_USAGE_ALERT_THRESHOLDS} whole percents, separated by commas, e.g. 50, 80, 100. Leave empty for the default (80 and 100).`}
            error={formState.errors.percents?.message}
          >
            {(field) => (
              <Input
                {...field}
                {...register("percents")}
                inputMode="numeric"
                autoComplete="off"
                placeholder="80, 100"
              />
            )}
          </FormField>
          <FormDialogFooter
            error={error}
            onCancel={close}
            submitLabel="Save thresholds"
            pending={formState.isSubmitting}
          />
        </form>
      </DialogContent>
    </Dialog>
  );
}
