import { AppShell } from "@/components/shell/app-shell";
import { organisationName } from "@/lib/auth/organisation";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <AppShell actor={actor} organisation={await organisationName(db(), actor)}>
      {children}
    </AppShell>
  );
}
