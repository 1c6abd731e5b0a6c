"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { useSelectedLayoutSegment } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/lib/format";
import type { PbxTab } from "@/lib/pbx/hub";

/**
 * The PBX hub's tab bar: each tab is a link to its own route, so a tab can be bookmarked and opened in
 * a new window. At phone width the bar scrolls sideways rather than wrapping onto several lines.
 */
export function PbxTabs({
  pbxId,
  tabs,
}: {
  pbxId: string;
  tabs: { tab: PbxTab; label: string; count?: number; title?: string; attention?: boolean }[];
}) {
  // The segment under /pbxs/[id]: null on the overview, "numbers" on /numbers and on /numbers/order.
  const segment = useSelectedLayoutSegment() ?? "overview";
  const currentRef = useRef<HTMLAnchorElement>(null);
  // On a phone the current tab may sit past the edge of the bar: bring it into view.
  // A block body: Chromium's scrollIntoView returns a promise, which React would take for a cleanup function.
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [segment]);
  return (
    <nav aria-label="PBX sections" className="-mx-4 mb-6 border-b border-border sm:mx-0">
      <ul className="flex gap-1 overflow-x-auto px-4 [scrollbar-width:thin] sm:px-0">
        {tabs.map(({ tab, label, count, title, attention }) => {
          const current = segment === tab;
          return (
            <li key={tab} className="shrink-0">
              <Link
                href={tab === "overview" ? `/pbxs/${pbxId}` : `/pbxs/${pbxId}/${tab}`}
                ref={current ? currentRef : undefined}
                aria-current={current ? "page" : undefined}
                title={title}
                className={cn(
                  // relative: the count's screen-reader text is positioned inside the scrolling bar, not the page.
                  "relative flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
                  current
                    ? "border-brand-700 text-brand-800"
                    : "border-transparent text-muted-foreground hover:border-neutral-300 hover:text-foreground",
                )}
              >
                {label}
                {count !== undefined && (
                  <span
                    className={cn(
                      "rounded-full px-2 py-0.5 text-xs tabular-nums",
                      attention ? "bg-danger-50 text-danger-700" : "bg-neutral-100 text-neutral-700",
                    )}
                  >
                    {formatNumber(count)}
                    {title && <span className="sr-only"> ({title})</span>}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
