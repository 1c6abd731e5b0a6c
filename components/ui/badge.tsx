import type { ComponentProps } from "react";
import { cn } from "./cn";

const variants = {
  neutral: "bg-neutral-100 text-neutral-700 ring-neutral-300",
  success: "bg-success-50 text-success-700 ring-success-200",
  warning: "bg-warning-50 text-warning-800 ring-warning-200",
  danger: "bg-danger-50 text-danger-700 ring-danger-200",
  info: "bg-info-50 text-info-700 ring-info-200",
} as const;

export type BadgeVariant = keyof typeof variants;

type BadgeProps = ComponentProps<"span"> & { variant?: BadgeVariant };

/** Status pill. The text must carry the meaning on its own ("Active", not just a green dot). */
export function Badge({ variant = "neutral", className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
