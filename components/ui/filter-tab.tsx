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
        active
          ? "border-brand-700 bg-brand-700 text-white"
          : "border-neutral-300 text-neutral-700 hover:bg-neutral-100",
      )}
    >
      {children}
    </Link>
  );
}

/** "All" and one tab per status, each with its count; `hrefOf("")` is the unfiltered view. */
export function StatusTabs<S extends string>({
  statuses,
  labelOf,
  counts,
  active,
  hrefOf,
}: {
  statuses: readonly S[];
  labelOf: (status: S) => string;
  counts: Record<S, number>;
  active?: S;
  hrefOf: (status: S | "") => string;
}) {
  const total = statuses.reduce((n, s) => n + counts[s], 0);
  return (
    <nav aria-label="Status" className="mb-4 flex flex-wrap gap-2">
      <FilterTab href={hrefOf("")} active={!active}>
        All <span className="tabular-nums">({total})</span>
      </FilterTab>
      {statuses.map((s) => (
        <FilterTab key={s} href={hrefOf(s)} active={active === s}>
          {labelOf(s)} <span className="tabular-nums">({counts[s]})</span>
        </FilterTab>
      ))}
    </nav>
  );
}
