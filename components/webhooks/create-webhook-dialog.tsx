"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createWebhookEndpointAction } from "@/app/(portal)/webhooks/actions";
import { Button } from "@/components/ui/button";
import { FormDialogFooter, useFormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { RevealOnceDialog } from "@/components/ui/reveal-once-dialog";
import { ZNewWebhookEndpoint, type TNewWebhookEndpoint } from "@/lib/webhooks/schemas";
import { EventCheckboxes } from "./event-checkboxes";
import { ShownOnceSecret } from "./shown-once-secret";

type Parsed = ReturnType<typeof ZNewWebhookEndpoint.parse>;
const DEFAULTS: TNewWebhookEndpoint = { url: "", description: "", events: [] };

/** A new endpoint: its URL, what it is for, and the events it wants; then its secret, once. */
export function CreateWebhookDialog() {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm<TNewWebhookEndpoint, unknown, Parsed>({
    resolver: zodResolver(ZNewWebhookEndpoint),
    defaultValues: DEFAULTS,
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const { open, onOpenChange, close, error, submit } = useFormDialog(form, DEFAULTS, () => setSecret(null));

  return (
    <RevealOnceDialog
      trigger={<Button>New endpoint</Button>}
      open={open}
      onOpenChange={onOpenChange}
      title="New webhook endpoint"
      revealedTitle="Endpoint added"
      description="Events are POSTed to it as JSON, signed with a secret you receive next."
      size="lg"
      revealed={secret && <ShownOnceSecret value={secret} />}
      onDone={close}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={submit(createWebhookEndpointAction, (created) => {
          setSecret(created.secret);
          router.refresh();
        })}
      >
        <FormField
          label="URL"
          required
          hint="https only; its host must be reachable from the internet."
          error={errors.url?.message}
        >
          {(field) => (
            <Input
              {...field}
              {...register("url")}
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder="https://crm.example.com/classound/webhooks"
            />
          )}
        </FormField>
        <FormField label="Description" hint="Optional: which system this is." error={errors.description?.message}>
          {(field) => <Input {...field} {...register("description")} autoComplete="off" maxLength={200} />}
        </FormField>
        <EventCheckboxes field={register("events")} error={errors.events?.message ?? errors.events?.[0]?.message} />
        <FormDialogFooter error={error} onCancel={close} submitLabel="Add endpoint" pending={formState.isSubmitting} />
      </form>
    </RevealOnceDialog>
  );
}
