import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/format";
import { TICKET_CATEGORY_LABEL } from "@/lib/tickets/categories";
import type { TicketDetail } from "@/lib/tickets/queries";

/** What the ticket is about: category, partner and PBX, and the values a typed request asks for. */
export function TicketFacts({ ticket, pbxHref }: { ticket: TicketDetail["ticket"]; pbxHref?: string }) {
  const pbx =
    ticket.pbx &&
    (pbxHref ? (
      <Link href={pbxHref} className="text-brand-700 hover:underline">
        {ticket.pbx.name}
      </Link>
    ) : (
      ticket.pbx.name
    ));
  const facts: [string, ReactNode][] = [
    ["Category", TICKET_CATEGORY_LABEL[ticket.category]],
    ["Partner", ticket.partner.name],
    ["Customer", ticket.customer?.name],
    ["PBX", pbx],
    ["Numbers", ticket.numbers.map((n) => n.phoneNumber.e164).join(", ")],
    ["Caller name asked for", ticket.callerName],
    ["Sender name to register", ticket.senderName && <span className="font-mono">{ticket.senderName}</span>],
    ["Country", ticket.country?.name],
    ["Assignee", ticket.assignee?.name ?? "Not assigned yet"],
    ["Opened", formatDateTime(ticket.createdAt)],
    ["Resolved", ticket.resolvedAt && formatDateTime(ticket.resolvedAt)],
  ];
  return (
    <dl className="grid gap-3 text-sm">
      {facts
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div key={term}>
            <dt className="text-muted-foreground">{term}</dt>
            <dd className="font-medium break-words text-foreground">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
