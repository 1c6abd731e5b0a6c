"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { changePartnerTierAction } from "@/app/(portal)/admin/partners/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormDialogFooter, useFormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { formatCount } from "@/lib/format";
import { ZTierChange, type TTierChange } from "@/lib/partners/schemas";

type Values = z.input<typeof ZTierChange>;

/** What the change did, in words: the months whose calls are priced again, or what to do if they could not be queued. */
function outcome({ started, months, rerateQueued }: { started: boolean; months: string[]; rerateQueued: boolean }) {
  if (!started) return "It takes effect on that date; quotes from then on use it.";
  if (!months.length) return "No calls since that date to price again.";
  if (!rerateQueued)
    return `The re-rating of ${months.join(", ")} could not be queued: re-rate those months from the Rating page.`;
  return `${formatCount(months.length, "month")} of calls (${months.join(", ")}) are being priced again at the new tier.`;
}

/** "Change tier from a date": a new period of the partner's tier history (docs/decisions/0041). */
export function TierChangeDialog({
  partnerId,
  timeZone,
  tiers,
}: {
  partnerId: string;
  timeZone: string;
  tiers: { id: string; name: string }[];
}) {
  const router = useRouter();
  const defaults: Values = { partnerId, tierId: "", from: "" };
  const form = useForm<Values, unknown, TTierChange>({ resolver: zodResolver(ZTierChange), defaultValues: defaults });
  const { register, formState } = form;
  const { open, onOpenChange, close, error, submit } = useFormDialog(form, defaults);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary">Change tier from a date</Button>
      </DialogTrigger>
      <DialogContent
        title="Change tier from a date"
        description="Calls from that date on are priced at the new tier; earlier calls keep their price."
      >
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit(changePartnerTierAction, (result) => {
            toast({ title: "Tier changed", description: outcome(result), variant: "success" });
            close();
            router.refresh();
          })}
        >
          <FormField label="New tier" required error={formState.errors.tierId?.message}>
            {(field) => (
              <Select {...field} {...register("tierId")}>
                <option value="">Choose a tier</option>
                {tiers.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField
            label="Effective from"
            required
            hint={`From the start of this day, ${timeZone.replaceAll("_", " ")} time. Today or earlier: the calls since are priced again.`}
            error={formState.errors.from?.message}
          >
            {(field) => <Input {...field} {...register("from")} type="date" />}
          </FormField>
          <FormDialogFooter error={error} onCancel={close} submitLabel="Change tier" pending={formState.isSubmitting} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
