import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "./cn";

/** One pill of a row of filter links (a status, a subset); the current one is marked for assistive tech. */
export function FilterTab({ href, active, children }: { href: string; active: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-full border px-3 py-1 text-sm font-medium",
        active ? "border-brand-700 bg-brand-700 text-white" : "border-neutral-300 text-neutral-700 hover:bg-neutral-100",
      )}
    >
      {children}
    </Link>
  );
}
