"use client";

import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { useIsNear } from "@/components/ui/use-is-near";
import { cn } from "@/components/ui/cn";

/**
 * A figure below the first screen, mounted (and so fetched and rendered) once it comes within a
 * screen of the viewport: the page's load then renders the first screens' figures only (Lighthouse
 * counted the rest, the call list first, as blocking time, issue 32). At 390 px that leaves the
 * totals and the calls per day; on a laptop the first two rows of figures. Until then its title and a
 * placeholder of its height hold its place, so scrolling and finding it by its heading still work.
 */
export function WhenNear({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  const { ref, isNear } = useIsNear<HTMLDivElement>("100% 0px");
  if (isNear) return <>{children}</>;
  return (
    <div ref={ref} aria-busy="true" className={cn("space-y-3", className)}>
      <h2 className="text-base font-semibold text-foreground">{title}</h2>
      <Skeleton className="h-72 w-full" />
    </div>
  );
}
