import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { TicketDetail } from "@/lib/tickets/queries";
import { TicketFacts } from "./ticket-facts";
import { TicketThread } from "./ticket-thread";

/** A ticket as both sides see it: the thread with the reply form under it, the facts and actions beside it. */
export function TicketLayout({
  detail,
  reply,
  actions,
  pbxHref,
}: {
  detail: TicketDetail;
  reply: ReactNode;
  actions: ReactNode;
  pbxHref?: string;
}) {
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-6">
        <TicketThread messages={detail.ticket.messages} authors={detail.authors} />
        {reply}
      </div>
      <aside aria-label="Ticket details" className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <TicketFacts ticket={detail.ticket} pbxHref={pbxHref} />
          </CardContent>
        </Card>
        {actions}
      </aside>
    </div>
  );
}
