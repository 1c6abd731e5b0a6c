import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { FieldMessages, useFieldIds } from "./form-field";

type CheckboxProps = Omit<ComponentProps<"input">, "type"> & {
  /** Visible label. Without it, pass aria-label (e.g. row selection in a table). */
  label?: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
};

/**
 * Native checkbox with its label on the right, as checkboxes are conventionally laid out,
 * which is why it does not go through FormField. Spread register("x") onto it directly.
 */
export function Checkbox({ label, hint, error, id, className, ...props }: CheckboxProps) {
  const { controlId, hintId, errorId, describedBy } = useFieldIds({ hint, error }, id);
  const bare = !label && !hint && !error;
  const input = (
    <input
      type="checkbox"
      id={controlId}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      className={cn(
        "size-4 shrink-0 cursor-pointer rounded-sm accent-brand-700 disabled:cursor-not-allowed",
        bare && className,
      )}
      {...props}
    />
  );
  if (bare) return input;
  return (
    <div className={cn("flex gap-2.5", className)}>
      <div className="flex h-6 items-center">{input}</div>
      <div className="flex flex-col gap-0.5">
        {label && (
          <label htmlFor={controlId} className="text-sm font-medium text-foreground">
            {label}
          </label>
        )}
        <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
      </div>
    </div>
  );
}
