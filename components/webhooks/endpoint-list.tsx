import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { WebhookEndpointRow } from "@/lib/webhooks/endpoints";
import { EndpointActions } from "./endpoint-actions";
import { EndpointStatus } from "./endpoint-status";

/** The partner's endpoints: URL, what each is for and wants, how it is doing, and what can be done. */
export function WebhookEndpointList({ endpoints, editable }: { endpoints: WebhookEndpointRow[]; editable: boolean }) {
  return (
    <ul className="divide-y divide-border">
      {endpoints.map((endpoint) => (
        <li key={endpoint.id} className="space-y-3 py-4 first:pt-0 last:pb-0">
          <div className="min-w-0 space-y-1">
            <h2 className="font-mono text-sm font-medium break-all">{endpoint.url}</h2>
            {endpoint.description && <p className="text-sm text-muted-foreground">{endpoint.description}</p>}
            <p className="flex flex-wrap gap-1" aria-label="Events">
              {endpoint.events.map((event) => (
                <Badge key={event} variant="neutral">
                  {event}
                </Badge>
              ))}
            </p>
          </div>
          <EndpointStatus endpoint={endpoint} />
          <div className="flex flex-wrap items-center gap-2">
            <Link
              href={`/webhooks/${endpoint.id}`}
              className="text-sm font-medium text-brand-700 hover:underline"
              aria-label={`Delivery log of ${endpoint.url}`}
            >
              Delivery log
            </Link>
            {editable && <EndpointActions endpoint={endpoint} />}
          </div>
        </li>
      ))}
    </ul>
  );
}
