import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { Alert } from "@/components/ui/alert";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { navigationFor } from "./navigation";
import { SignOutButton } from "./sign-out-button";

// R9: the partner's own agreement, or (for its customers' end users) their provider's.
const SUSPENDED_TITLE: Record<Actor["role"], string> = {
  ADMIN: "",
  PARTNER: "Your partner agreement with CLASSOUND is suspended",
  END_USER: "Your provider's CLASSOUND agreement is suspended",
};

const ROLE_LABEL: Record<Actor["role"], string> = { ADMIN: "Administrator", PARTNER: "Partner", END_USER: "End user" };

export function AppShell({
  actor,
  organisation,
  unreadNotifications,
  children,
}: {
  actor: Actor;
  organisation: string;
  unreadNotifications: number;
  children: React.ReactNode;
}) {
  const items = navigationFor(actor).map(({ href, label }) => ({
    href,
    label,
    badge: href === "/notifications" && unreadNotifications ? unreadNotifications : undefined,
  }));
  const priceList = can(actor, "pricelist.view");
  return (
    <div className="flex min-h-screen flex-col bg-neutral-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-neutral-200 bg-surface">
        <div className="flex h-14 items-center gap-3 px-4 md:gap-6 md:px-6">
          <MobileNav items={priceList ? [...items, { href: "/price-list", label: "Price list" }] : items} />
          <Link href="/" className="text-sm font-semibold tracking-[0.2em] text-brand-700">
            CLASSOUND
          </Link>
          <span className="hidden truncate text-sm text-muted-foreground lg:inline">{organisation}</span>
          <div className="ml-auto flex min-w-0 items-center gap-4">
            {priceList && (
              <Link href="/price-list" className="hidden text-sm font-medium text-brand-700 hover:underline md:inline">
                Price list
              </Link>
            )}
            <div className="hidden min-w-0 text-right leading-tight sm:block">
              <p className="truncate text-sm font-medium text-foreground">{actor.name}</p>
              <p className="text-xs text-muted-foreground">{ROLE_LABEL[actor.role]}</p>
            </div>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="flex flex-1">
        <nav
          aria-label="Main"
          className="hidden w-56 shrink-0 border-r border-neutral-200 bg-surface px-3 py-6 md:block"
        >
          <NavLinks items={items} />
        </nav>
        <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8 md:py-8">
          <div className="mx-auto max-w-6xl">
            {actor.agreementSuspended && (
              <Alert variant="warning" title={SUSPENDED_TITLE[actor.role]} className="mb-6">
                Everything stays readable, but nothing can be ordered, activated, uploaded or changed until CLASSOUND
                reinstates the agreement.
              </Alert>
            )}
            {children}
          </div>
        </main>
      </div>
    </div>
  );
}
