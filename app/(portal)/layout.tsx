import { AppShell } from "@/components/shell/app-shell";
import { organisationName } from "@/lib/auth/organisation";
import { requireActor } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { unreadNotificationCount } from "@/lib/notifications/queries";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const [organisation, unread] = await Promise.all([
    organisationName(db(), actor),
    unreadNotificationCount(db(), actor),
  ]);
  return (
    <AppShell actor={actor} organisation={organisation} unreadNotifications={unread}>
      {children}
    </AppShell>
  );
}
