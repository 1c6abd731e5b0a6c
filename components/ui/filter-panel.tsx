"use client";

import { SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

/**
 * A list's filter fields. From the `sm` width up they show as they are; on a phone they fold behind
 * one "Filters" button that says how many are active, so the list's data is on the first screen.
 * The fields stay in the form while folded (a folded form still submits them). `defaultOpen` opens
 * it for something the user must see, such as a field's error.
 */
export function FilterPanel({
  activeCount,
  defaultOpen = false,
  children,
  className,
}: {
  activeCount: number;
  defaultOpen?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-10 items-center gap-2 rounded-control border border-neutral-300 bg-surface px-4 text-sm font-medium text-foreground shadow-xs hover:bg-neutral-50 sm:hidden"
      >
        <SlidersHorizontal aria-hidden="true" className="size-4" />
        Filters
        {activeCount > 0 && (
          <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
            {activeCount} active
          </span>
        )}
      </button>
      <div id={id} className={cn(open ? "flex" : "hidden", "w-full flex-wrap items-end gap-3 sm:flex", className)}>
        {children}
      </div>
    </>
  );
}

/** The end of a filter form: the button that applies the fields, and a link back to no filters (when given). */
export function FilterActions({ clearHref }: { clearHref?: string }) {
  return (
    <>
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
      {clearHref && (
        <Link href={clearHref} className="py-2 text-sm font-medium text-brand-700 hover:underline">
          Clear filters
        </Link>
      )}
    </>
  );
}
