"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export interface NavLinkItem {
  href: string;
  label: string;
  badge?: number;
}

export function NavLinks({ items, onNavigate }: { items: NavLinkItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  // The most specific entry wins, so /admin/activations marks "Activation queue" and not the /admin dashboard too.
  const activeHref = items
    .map((item) => item.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const active = item.href === activeHref;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              onClick={onNavigate}
              className={cn(
                "flex items-center justify-between rounded-control px-3 py-2 text-sm font-medium",
                active ? "bg-brand-50 text-brand-800" : "text-neutral-700 hover:bg-neutral-100",
              )}
            >
              {item.label}
              {item.badge !== undefined && (
                <span className="rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white">
                  {item.badge}
                  <span className="sr-only"> unread</span>
                </span>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
