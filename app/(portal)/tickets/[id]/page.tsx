import type { Metadata } from "next";
import { z } from "zod";
import { CloseTicketButton } from "@/components/tickets/close-ticket-button";
import { ReplyForm } from "@/components/tickets/reply-form";
import { TicketStatusBadge } from "@/components/tickets/status-badge";
import { TicketLayout } from "@/components/tickets/ticket-layout";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { ticketDetail } from "@/lib/tickets/queries";
import { replyAction } from "../actions";

export const metadata: Metadata = { title: "Support ticket" };

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("tickets.use");
  const detail = await orNotFound(ticketDetail(db(), actor, parseRouteParams(z.object({ id: ZId }), await params).id));
  const { ticket } = detail;
  const isClosed = ticket.status === "CLOSED";
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Support tickets", href: "/tickets" }, { label: ticket.subject }]}
        title={
          <span className="flex flex-wrap items-center gap-3">
            {ticket.subject} <TicketStatusBadge status={ticket.status} />
          </span>
        }
        actions={!isClosed && <CloseTicketButton ticketId={ticket.id} />}
      />
      {ticket.status === "RESOLVED" && (
        <Alert variant="success" title="Resolved" className="mb-6">
          Support has resolved this ticket. Reply if something is still missing, or close it.
        </Alert>
      )}
      <TicketLayout
        detail={detail}
        pbxHref={ticket.pbx ? `/pbxs/${ticket.pbx.id}` : undefined}
        reply={
          isClosed ? (
            <Alert variant="info">This ticket is closed.</Alert>
          ) : (
            <ReplyForm ticketId={ticket.id} reply={replyAction} uploadUrl={`/api/tickets/${ticket.id}/attachments`} />
          )
        }
        actions={null}
      />
    </>
  );
}
