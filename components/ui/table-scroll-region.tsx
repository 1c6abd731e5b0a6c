import { cn } from "./cn";

/**
 * The box around a hand-written table that may be wider than a phone: focusable, so keyboard users
 * can scroll it, and named, so screen readers announce what it holds. Relative, so an sr-only label
 * inside a cell stays in here instead of widening the page. (DataTable does the same for its tables.)
 */
export function TableScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={cn("relative overflow-x-auto rounded-card border border-neutral-200 bg-surface", className)}
    >
      {children}
    </div>
  );
}
