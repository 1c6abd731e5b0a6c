import type { Metadata } from "next";
import { z } from "zod";
import { ReplyForm } from "@/components/tickets/reply-form";
import { TicketStatusBadge } from "@/components/tickets/status-badge";
import { SupportActions } from "@/components/tickets/support-actions";
import { TicketLayout } from "@/components/tickets/ticket-layout";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { RESOLUTION_EFFECT } from "@/lib/tickets/categories";
import { ticketDetail, ticketQueueOptions } from "@/lib/tickets/queries";
import { supportReplyAction } from "../actions";

export const metadata: Metadata = { title: "Support ticket" };

export default async function SupportTicketPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("tickets.handle");
  const id = parseRouteParams(z.object({ id: ZId }), await params).id;
  const [detail, { admins }] = await Promise.all([
    orNotFound(ticketDetail(db(), actor, id)),
    ticketQueueOptions(db(), actor),
  ]);
  const { ticket } = detail;
  const isClosed = ticket.status === "CLOSED";
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Ticket queue", href: "/admin/tickets" }, { label: ticket.subject }]}
        title={
          <span className="flex flex-wrap items-center gap-3">
            {ticket.subject} <TicketStatusBadge status={ticket.status} />
          </span>
        }
        description={`${ticket.partner.name}${ticket.pbx ? ` · PBX ${ticket.pbx.name} (${ticket.pbx.serial})` : ""}`}
      />
      <TicketLayout
        detail={detail}
        reply={
          isClosed ? (
            <Alert variant="info">The partner closed this ticket.</Alert>
          ) : (
            <ReplyForm
              ticketId={ticket.id}
              reply={supportReplyAction}
              uploadUrl={`/api/tickets/${ticket.id}/support-attachments`}
            />
          )
        }
        actions={
          <Card>
            <CardHeader>
              <CardTitle>Handle</CardTitle>
            </CardHeader>
            <CardContent>
              <SupportActions
                ticketId={ticket.id}
                assigneeId={ticket.assignee?.id ?? null}
                admins={admins}
                canResolve={ticket.status !== "RESOLVED" && !isClosed}
                resolutionEffect={RESOLUTION_EFFECT[ticket.category]}
              />
            </CardContent>
          </Card>
        }
      />
    </>
  );
}
