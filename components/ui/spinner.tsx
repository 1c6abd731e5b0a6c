import type { ComponentProps } from "react";
import { LoaderCircle } from "lucide-react";
import { cn } from "./cn";

type SpinnerProps = Omit<ComponentProps<"svg">, "children"> & {
  /** When set, the spinner is announced to screen readers; otherwise it is decorative (e.g. inside a button that already has aria-busy). */
  label?: string;
};

export function Spinner({ label, className, ...props }: SpinnerProps) {
  const icon = <LoaderCircle aria-hidden="true" className={cn("size-4 shrink-0 animate-spin", className)} {...props} />;
  if (!label) return icon;
  return (
    <span role="status" className="inline-flex items-center">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
