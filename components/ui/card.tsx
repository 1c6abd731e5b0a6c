import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: ComponentProps<"section">) {
  return <section className={cn("rounded-card border border-border bg-surface shadow-xs", className)} {...props} />;
}

/** Title/description on the left, optional actions (pass them as children after the title) on the right. */
export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-border px-5 py-4",
        className,
      )}
      {...props}
    />
  );
}

type CardTitleProps = ComponentProps<"h2"> & {
  /** Heading level; keep the page outline in order (h1 is the PageHeader). */
  as?: "h2" | "h3";
};

export function CardTitle({ as: Heading = "h2", className, ...props }: CardTitleProps) {
  return <Heading className={cn("text-base font-semibold text-foreground", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("mt-1 text-sm text-muted-foreground", className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("px-5 py-4", className)} {...props} />;
}

export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "flex items-center justify-end gap-2 rounded-b-card border-t border-border bg-neutral-50 px-5 py-3",
        className,
      )}
      {...props}
    />
  );
}
