/**
 * FormField: label + control + hint + error, with the ARIA wiring done once.
 *
 * The control is passed as a render function that receives the props it must spread,
 * so it works with any control and with react-hook-form without cloneElement magic:
 *
 *   <FormField label="VAT number" hint="Include the country prefix" error={errors.vat?.message}>
 *     {(field) => <Input {...field} {...register("vat")} />}
 *   </FormField>
 *
 * `field` is { id, "aria-describedby", "aria-invalid", "aria-required" }. Spread it before
 * register() so both apply (they do not overlap). `required` only marks the field for users
 * and assistive tech; validation stays in the form schema, so native browser bubbles never
 * compete with the schema's messages.
 */
import { useId, type ReactNode } from "react";
import { cn } from "./cn";

export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
};

type FieldDescription = { hint?: ReactNode; error?: ReactNode };

/** Ids and aria-describedby for a control that has an optional hint and error. */
export function useFieldIds({ hint, error }: FieldDescription, id?: string) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return { controlId, hintId, errorId, describedBy };
}

/** Hint and error texts rendered under a control; ids come from useFieldIds. */
export function FieldMessages({
  hint,
  error,
  hintId,
  errorId,
}: FieldDescription & { hintId?: string; errorId?: string }) {
  return (
    <>
      {hint && (
        <p id={hintId} className="text-sm text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-sm font-medium text-danger-700">
          {error}
        </p>
      )}
    </>
  );
}

type FormFieldProps = FieldDescription & {
  label: ReactNode;
  children: (field: FieldControlProps) => ReactNode;
  required?: boolean;
  /** Keeps the label for screen readers only, e.g. a search box whose purpose is obvious from context. */
  hideLabel?: boolean;
  /** Control id; generated when omitted. */
  id?: string;
  className?: string;
};

export function FormField({ label, hint, error, required, hideLabel, id, className, children }: FormFieldProps) {
  const { controlId, hintId, errorId, describedBy } = useFieldIds({ hint, error }, id);
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={controlId} className={cn("text-sm font-medium text-foreground", hideLabel && "sr-only")}>
        {label}
        {/* aria-required already tells assistive tech; the asterisk is for sighted users. */}
        {required && (
          <span aria-hidden="true" className="ml-0.5 text-danger-700">
            *
          </span>
        )}
      </label>
      {children({
        id: controlId,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : undefined,
        "aria-required": required ? true : undefined,
      })}
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}
