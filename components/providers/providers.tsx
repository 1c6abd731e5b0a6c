"use client";

import { Toaster } from "@/components/ui/toast";

// No next-auth SessionProvider: no component reads the session on the client (pages get the actor on
// the server), and the provider fetched /api/auth/session on every page load.
export function Providers({ children }: { children: React.ReactNode }) {
  return <Toaster>{children}</Toaster>;
}
