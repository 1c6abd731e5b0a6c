"use client";

import { useState } from "react";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { NavLinks, type NavLinkItem } from "./nav-links";

/**
 * Below 768 px the sidebar would squeeze every page into a sliver, so the navigation moves into a drawer:
 * a Radix dialog traps focus, closes on Escape and gives focus back to the menu button.
 */
export function MobileNav({ items }: { items: NavLinkItem[] }) {
  const [open, setOpen] = useState(false);
  const unread = items.reduce((sum, item) => sum + (item.badge ?? 0), 0);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger
        className="relative -ml-2 inline-flex size-10 items-center justify-center rounded-control text-foreground hover:bg-neutral-100 md:hidden"
        aria-label={unread ? `Menu, ${unread} unread notifications` : "Menu"}
      >
        <Menu aria-hidden="true" className="size-5" />
        {unread > 0 && <span aria-hidden="true" className="absolute top-2 right-2 size-2 rounded-full bg-brand-700" />}
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-neutral-950/50 data-[state=open]:animate-fade-in md:hidden" />
        <DialogPrimitive.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto bg-surface px-3 py-4 shadow-xl md:hidden"
        >
          <div className="mb-4 flex items-center justify-between pl-3">
            <DialogPrimitive.Title className="text-sm font-semibold tracking-[0.2em] text-brand-700">
              CLASSOUND
            </DialogPrimitive.Title>
            <DialogPrimitive.Close
              aria-label="Close menu"
              className="inline-flex size-10 items-center justify-center rounded-control text-neutral-600 hover:bg-neutral-100"
            >
              <X aria-hidden="true" className="size-5" />
            </DialogPrimitive.Close>
          </div>
          <nav aria-label="Main">
            {/* Following a link closes the drawer: the page behind it is the one the user asked for. */}
            <NavLinks items={items} onNavigate={() => setOpen(false)} />
          </nav>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
