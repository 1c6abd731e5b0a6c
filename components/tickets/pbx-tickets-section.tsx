import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { TICKET_CATEGORY_LABEL } from "@/lib/tickets/categories";
import type { pbxTicketsOverview } from "@/lib/tickets/pbx-tickets";
import { TicketStatusBadge } from "./status-badge";

const newTicketHref = (pbxId: string, category: string, subject?: string) =>
  `/tickets/new?${new URLSearchParams({ category, pbx: pbxId, ...(subject ? { subject } : {}) })}`;

/**
 * The PBX page's support panel: where its emergency service stands (R13) and its tickets. Takes the
 * overview as a promise so the page only starts the load.
 */
export async function PbxTicketsSection({
  pbxId,
  overview,
}: {
  pbxId: string;
  overview: ReturnType<typeof pbxTicketsOverview>;
}) {
  const { tickets, hasService, emergencyConfiguredAt, pendingEmergencyTicketId } = await overview;
  return (
    <Card>
      <CardHeader>
        <div>
          <CardTitle>Support</CardTitle>
          <CardDescription>Requests to CLASSOUND support about this PBX.</CardDescription>
        </div>
        <Link href={newTicketHref(pbxId, "OTHER")} className={buttonClassName("secondary", "sm")}>
          Open a ticket
        </Link>
      </CardHeader>
      <CardContent className="space-y-5">
        <div className="rounded-card border border-border p-4" role="group" aria-labelledby="emergency-heading">
          <h3 id="emergency-heading" className="text-sm font-semibold text-foreground">
            Emergency service
          </h3>
          {emergencyConfiguredAt ? (
            <p className="mt-1 text-sm text-foreground" data-testid="emergency-status">
              Configured on {formatDate(emergencyConfiguredAt)}.
            </p>
          ) : !hasService ? (
            <p className="mt-1 text-sm text-muted-foreground" data-testid="emergency-status">
              Configured once CLASSOUND is active on this PBX.
            </p>
          ) : (
            <>
              <p className="mt-1 text-sm text-foreground" data-testid="emergency-status">
                Not configured yet: emergency calls from this PBX are refused until support configures the service.
              </p>
              <div className="mt-3">
                {pendingEmergencyTicketId ? (
                  <Link
                    href={`/tickets/${pendingEmergencyTicketId}`}
                    className="text-sm font-medium text-brand-700 hover:underline"
                  >
                    Configuration requested: see the ticket
                  </Link>
                ) : (
                  <Link
                    href={newTicketHref(pbxId, "EMERGENCY_SERVICE", "Configure the emergency service")}
                    className={buttonClassName("primary", "sm")}
                  >
                    Request emergency-service configuration
                  </Link>
                )}
              </div>
            </>
          )}
        </div>
        {tickets.length === 0 ? (
          <p className="text-sm text-muted-foreground">No tickets about this PBX yet.</p>
        ) : (
          <ul className="divide-y divide-border" aria-label="Tickets about this PBX">
            {tickets.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <Link href={`/tickets/${t.id}`} className="font-medium text-brand-700 hover:underline">
                    {t.subject}
                  </Link>
                  <p className="text-xs text-muted-foreground">
                    {TICKET_CATEGORY_LABEL[t.category]} · opened {formatDate(t.createdAt)}
                  </p>
                </div>
                <TicketStatusBadge status={t.status} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
