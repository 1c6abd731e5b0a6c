"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { editWebhookEndpointAction } from "@/app/(portal)/webhooks/actions";
import { Button } from "@/components/ui/button";
import { DialogContent, TriggeredDialog } from "@/components/ui/dialog";
import { FormDialogFooter, useFormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { ZEditWebhookEndpoint, type TEditWebhookEndpoint } from "@/lib/webhooks/schemas";
import { EventCheckboxes } from "./event-checkboxes";

type Parsed = ReturnType<typeof ZEditWebhookEndpoint.parse>;

/** The events an endpoint wants and its description; a new URL is a new endpoint. */
export function EditWebhookDialog({
  endpoint,
}: {
  endpoint: { id: string; url: string; description: string; events: string[] };
}) {
  const router = useRouter();
  const defaults: TEditWebhookEndpoint = {
    endpointId: endpoint.id,
    description: endpoint.description,
    events: endpoint.events as TEditWebhookEndpoint["events"],
  };
  const form = useForm<TEditWebhookEndpoint, unknown, Parsed>({
    resolver: zodResolver(ZEditWebhookEndpoint),
    defaultValues: defaults,
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const { open, onOpenChange, setOpen, close, error, submit } = useFormDialog(form, defaults);
  return (
    <TriggeredDialog
      open={open}
      onOpenChange={onOpenChange}
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Edit events of ${endpoint.url}`}>
          Edit events
        </Button>
      }
    >
      <DialogContent title="Edit endpoint" description={<span className="break-all">{endpoint.url}</span>} size="lg">
        <form
          noValidate
          className="space-y-4"
          onSubmit={submit(editWebhookEndpointAction, () => {
            setOpen(false);
            toast({ title: "Endpoint saved", variant: "success" });
            router.refresh();
          })}
        >
          <FormField label="Description" error={errors.description?.message}>
            {(field) => <Input {...field} {...register("description")} autoComplete="off" maxLength={200} />}
          </FormField>
          <EventCheckboxes field={register("events")} error={errors.events?.message ?? errors.events?.[0]?.message} />
          <FormDialogFooter error={error} onCancel={close} submitLabel="Save" pending={formState.isSubmitting} />
        </form>
      </DialogContent>
    </TriggeredDialog>
  );
}
