"use client";

import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/http/action-result";
import { Alert } from "./alert";
import { Button } from "./button";
import { DialogFooter } from "./dialog";

/**
 * Open state and submission of a dialog holding a react-hook-form form. Closing it through the
 * dialog or `close` forgets what was typed and the last error (`onReset` clears the caller's own
 * state too). `submit` sends the values to a server action and puts its field errors on the fields;
 * on success `onDone` decides whether to `close` (back to the defaults) or just `setOpen(false)`
 * (an edit dialog keeps the saved values, which its defaults only catch up with on the next render).
 */
export function useFormDialog<Values extends FieldValues, Output>(
  form: UseFormReturn<Values, unknown, Output>,
  defaults: Values,
  onReset?: () => void,
) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      onReset?.();
      setError(null);
      form.reset(defaults);
    }
  }

  function submit<T>(send: (values: Output) => Promise<ActionResult<T>>, onDone: (data: T) => void) {
    return form.handleSubmit(async (values) => {
      setError(null);
      const result = await send(values);
      if (!result.ok) {
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
          form.setError(field as Path<Values>, { message: messages[0] });
        setError(result.error);
        return;
      }
      onDone(result.data);
    });
  }

  return { open, setOpen, onOpenChange, close: () => onOpenChange(false), error, submit };
}

/** The end of a dialog form: the action's error, then Cancel and the submit button. */
export function FormDialogFooter({
  error,
  onCancel,
  submitLabel,
  pending,
}: {
  error: string | null;
  onCancel: () => void;
  submitLabel: string;
  pending: boolean;
}) {
  return (
    <>
      {error && <Alert variant="danger">{error}</Alert>}
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </DialogFooter>
    </>
  );
}
