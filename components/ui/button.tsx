import type { ComponentProps } from "react";
import { Slot, Slottable } from "@radix-ui/react-slot";
import { cn } from "./cn";
import { Spinner } from "./spinner";

const variants = {
  primary: "bg-brand-700 text-white shadow-xs hover:bg-brand-800 active:bg-brand-900",
  secondary: "border border-neutral-300 bg-surface text-foreground shadow-xs hover:bg-neutral-50 active:bg-neutral-100",
  danger: "bg-danger-700 text-white shadow-xs hover:bg-danger-800",
  ghost: "text-foreground hover:bg-neutral-100 active:bg-neutral-200",
  link: "h-auto px-0 text-brand-700 underline-offset-4 hover:underline",
} as const;

const sizes = {
  sm: "h-8 gap-1.5 px-3 text-sm",
  md: "h-10 gap-2 px-4 text-sm",
} as const;

export type ButtonVariant = keyof typeof variants;
export type ButtonSize = keyof typeof sizes;

export function buttonClassName(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string) {
  return cn(
    "inline-flex shrink-0 items-center justify-center rounded-control font-medium whitespace-nowrap transition-colors",
    "disabled:pointer-events-none disabled:opacity-60 aria-disabled:pointer-events-none aria-disabled:opacity-60",
    "[&_svg]:size-4 [&_svg]:shrink-0",
    sizes[size],
    variants[variant],
    className,
  );
}

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, disables the button and sets aria-busy. */
  loading?: boolean;
  /** Renders the single child element (e.g. a Next <Link>) with button styling instead of a <button>. */
  asChild?: boolean;
};

export function Button({
  variant,
  size,
  loading = false,
  asChild = false,
  disabled,
  type,
  className,
  children,
  ...props
}: ButtonProps) {
  const busy = loading || undefined;
  if (asChild) {
    // A link cannot be `disabled`, so a busy link is marked aria-disabled and styled as inert.
    return (
      <Slot
        className={buttonClassName(variant, size, className)}
        aria-busy={busy}
        aria-disabled={loading || disabled || undefined}
        {...props}
      >
        {loading && <Spinner />}
        <Slottable>{children}</Slottable>
      </Slot>
    );
  }
  return (
    <button
      // Default to "button" so a Button inside a <form> never submits by accident.
      type={type ?? "button"}
      className={buttonClassName(variant, size, className)}
      disabled={disabled || loading}
      aria-busy={busy}
      {...props}
    >
      {loading && <Spinner />}
      {children}
    </button>
  );
}
