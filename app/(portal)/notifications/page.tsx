import type { Metadata } from "next";
import Link from "next/link";
import { Bell } from "lucide-react";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { listNotifications } from "@/lib/notifications/queries";

export const metadata: Metadata = { title: "Notifications" };

const SHOWN = 100;

export default async function NotificationsPage() {
  const actor = await requirePermission("notifications.view");
  const notifications = await listNotifications(db(), actor, SHOWN);
  const unread = notifications.filter((n) => !n.readAt).length;

  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          unread
            ? `${unread} unread. Each notification is also sent to you by e-mail.`
            : "Each notification is also sent to you by e-mail."
        }
        actions={notifications.length > 0 && <MarkAllReadButton unread={unread} />}
      />
      {notifications.length === 0 ? (
        <div className="rounded-card border border-border bg-surface">
          <EmptyState
            icon={Bell}
            title="No notifications"
            description="Decisions on activation requests and other news for you appear here."
          />
        </div>
      ) : (
        <ol className="divide-y divide-neutral-200 rounded-card border border-border bg-surface shadow-xs">
          {notifications.map((n) => (
            <li
              key={n.id}
              className={cn(
                "flex flex-wrap items-start justify-between gap-4 px-5 py-4",
                !n.readAt && "border-l-4 border-l-brand-600 bg-brand-50/60",
              )}
            >
              <div className="min-w-0 flex-1 space-y-1">
                <p className="flex flex-wrap items-center gap-2 text-foreground">
                  <span className={n.readAt ? "font-medium" : "font-semibold"}>{n.title}</span>
                  {!n.readAt && <Badge variant="info">Unread</Badge>}
                </p>
                <p className="text-sm whitespace-pre-line text-muted-foreground">{n.body}</p>
                <p className="text-xs text-muted-foreground">
                  <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt)}</time>
                </p>
              </div>
              {n.link && (
                <Link href={n.link} className="shrink-0 text-sm font-medium text-brand-700 hover:underline">
                  Open<span className="sr-only">: {n.title}</span>
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
      {notifications.length === SHOWN && (
        <p className="mt-4 text-sm text-muted-foreground">Showing the latest {SHOWN} notifications.</p>
      )}
    </>
  );
}
