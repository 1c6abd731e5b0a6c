"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveMailPreferencesAction } from "@/app/(portal)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { toast } from "@/components/ui/toast";
import type { MailEvent } from "@/lib/notifications/mail-events";

export interface MailPreferenceRow {
  key: MailEvent;
  label: string;
  description: string;
  enabled: boolean;
}

export function MailPreferencesForm({ preferences }: { preferences: MailPreferenceRow[] }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<{ enabled: MailEvent[] }>({
    defaultValues: { enabled: preferences.filter((p) => p.enabled).map((p) => p.key) },
  });
  return (
    <form
      className="max-w-xl space-y-5"
      onSubmit={form.handleSubmit(async (values) => {
        setError(null);
        const result = await saveMailPreferencesAction({ enabled: values.enabled || [] });
        if (!result.ok) return setError(result.error);
        form.reset(values);
        toast({ title: "Mail settings saved", variant: "success" });
      })}
    >
      {error && <Alert variant="danger">{error}</Alert>}
      <fieldset className="space-y-4">
        <legend className="mb-3 text-sm text-muted-foreground">Send me an e-mail when:</legend>
        {preferences.map((p) => (
          <Checkbox key={p.key} value={p.key} label={p.label} hint={p.description} {...form.register("enabled")} />
        ))}
      </fieldset>
      <Button type="submit" loading={form.formState.isSubmitting}>
        Save
      </Button>
    </form>
  );
}
