import type { Metadata } from "next";
import { MailPreferencesForm } from "@/components/mail/mail-preferences-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { mailPreferences } from "@/lib/notifications/mail-preferences";

export const metadata: Metadata = { title: "Mail settings" };

export default async function SettingsPage() {
  const actor = await requirePermission("notifications.view");
  const preferences = await mailPreferences(db(), actor);
  return (
    <>
      <PageHeader
        title="Mail settings"
        description="Choose which events also reach you by e-mail. Every notification always appears under Notifications in the portal."
      />
      {preferences.length ? (
        <MailPreferencesForm
          preferences={preferences.map(({ key, label, description, enabled }) => ({
            key,
            label,
            description,
            enabled,
          }))}
        />
      ) : (
        <EmptyState
          title="No e-mail to choose"
          description="The portal sends your account no notifications by e-mail."
        />
      )}
    </>
  );
}
