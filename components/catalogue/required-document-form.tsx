"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type Path } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { ZRequiredDocument, type TRequiredDocument } from "@/lib/catalogue/schemas";
import type { ActionResult } from "@/lib/http/action-result";

type FormValues = z.input<typeof ZRequiredDocument>;

export const EMPTY_DOCUMENT: Omit<FormValues, "sortOrder"> = {
  name: "",
  description: "",
  mandatory: true,
  validityMonths: null,
};

// An empty box means "does not expire", not 0 or NaN.
const optionalNumber = (value: unknown) => (value === "" || value == null ? null : Number(value));

export function RequiredDocumentForm({
  defaultValues,
  submitLabel,
  onSubmit,
  onDone,
  footer: Footer = "div",
  cancel,
}: {
  defaultValues: FormValues;
  submitLabel: string;
  onSubmit: (values: TRequiredDocument) => Promise<ActionResult<unknown>>;
  /** After a successful save, with the form still mounted (e.g. to reset it or close a dialog). */
  onDone: (reset: (values: FormValues) => void) => void;
  /** Wraps the buttons, e.g. DialogFooter inside a dialog. */
  footer?: React.ElementType;
  cancel?: React.ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<FormValues, unknown, TRequiredDocument>({
    resolver: zodResolver(ZRequiredDocument),
    defaultValues,
  });
  const { register, formState } = form;
  const errors = formState.errors;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        setError(null);
        const result = await onSubmit(values);
        if (!result.ok) {
          for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
            form.setError(field as Path<FormValues>, { message: messages[0] });
          setError(result.error);
          return;
        }
        onDone(form.reset);
      })}
      className="space-y-4"
    >
      <FormField
        label="Name"
        required
        error={errors.name?.message}
        hint="As partners see it on the request, e.g. “Company registration extract”."
      >
        {(field) => <Input {...field} {...register("name")} maxLength={120} />}
      </FormField>
      <FormField
        label="Description"
        error={errors.description?.message}
        hint="What the document is and what makes a copy acceptable."
      >
        {(field) => <Textarea {...field} {...register("description")} rows={3} maxLength={1000} />}
      </FormField>
      <Checkbox
        label="Mandatory"
        hint="A request cannot be submitted without it. Optional documents may be left out."
        {...register("mandatory")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Valid for (months)"
          error={errors.validityMonths?.message}
          hint="How long an accepted copy stays valid. Empty: it does not expire."
        >
          {(field) => (
            <Input
              {...field}
              {...register("validityMonths", { setValueAs: optionalNumber })}
              type="number"
              inputMode="numeric"
              min={1}
              max={120}
            />
          )}
        </FormField>
        <FormField
          label="Position"
          required
          error={errors.sortOrder?.message}
          hint="Documents are listed by position, lowest first."
        >
          {(field) => (
            <Input
              {...field}
              {...register("sortOrder", { valueAsNumber: true })}
              type="number"
              inputMode="numeric"
              min={0}
              max={9999}
            />
          )}
        </FormField>
      </div>
      {error && <Alert variant="danger">{error}</Alert>}
      <Footer className={Footer === "div" ? "flex flex-wrap gap-3" : undefined}>
        {cancel}
        <Button type="submit" loading={formState.isSubmitting}>
          {submitLabel}
        </Button>
      </Footer>
    </form>
  );
}
