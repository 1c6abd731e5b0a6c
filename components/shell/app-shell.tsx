import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { NavLinks } from "./nav-links";
import { navigationFor } from "./navigation";
import { SignOutButton } from "./sign-out-button";

const ROLE_LABEL: Record<Actor["role"], string> = { ADMIN: "Administrator", PARTNER: "Partner", END_USER: "End user" };

export function AppShell({ actor, organisation, unreadNotifications, children }: { actor: Actor; organisation: string; unreadNotifications: number; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-neutral-50">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-neutral-200 bg-surface">
        <div className="flex h-14 items-center gap-6 px-6">
          <Link href="/" className="text-sm font-semibold tracking-[0.2em] text-brand-700">
            CLASSOUND
          </Link>
          <span className="hidden text-sm text-muted-foreground sm:inline">{organisation}</span>
          <div className="ml-auto flex items-center gap-4">
            {can(actor, "pricelist.view") && (
              <Link href="/price-list" className="text-sm font-medium text-brand-700 hover:underline">
                Price list
              </Link>
            )}
            <div className="text-right leading-tight">
              <p className="text-sm font-medium text-foreground">{actor.name}</p>
              <p className="text-xs text-muted-foreground">{ROLE_LABEL[actor.role]}</p>
            </div>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="flex flex-1">
        <nav aria-label="Main" className="w-56 shrink-0 border-r border-neutral-200 bg-surface px-3 py-6">
          <NavLinks
            items={navigationFor(actor).map(({ href, label }) => ({ href, label, badge: href === "/notifications" && unreadNotifications ? unreadNotifications : undefined }))}
          />
        </nav>
        <main id="main" className="min-w-0 flex-1 px-8 py-8">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
