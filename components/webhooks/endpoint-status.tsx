import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/lib/format";
import type { WebhookEndpointRow } from "@/lib/webhooks/endpoints";
import { deliveryStatusBadge } from "./labels";

/** Whether an endpoint is on, why not, and how its last delivery went. */
export function EndpointStatus({ endpoint, className }: { endpoint: WebhookEndpointRow; className?: string }) {
  const [last] = endpoint.deliveries;
  const lastBadge = last && deliveryStatusBadge(last.status, last.lastAttemptAt ? 1 : 0);
  return (
    <div className={cn("space-y-2 text-sm", className)}>
      <p className="flex flex-wrap items-center gap-2">
        {endpoint.enabled ? <Badge variant="success">On</Badge> : <Badge variant="danger">Off</Badge>}
        {last ? (
          <span className="text-muted-foreground">
            Last event {formatDateTime(last.createdAt)}: <Badge variant={lastBadge!.variant}>{lastBadge!.label}</Badge>
            {last.lastStatusCode !== null && ` HTTP ${last.lastStatusCode}`}
          </span>
        ) : (
          <span className="text-muted-foreground">No event sent yet</span>
        )}
        {endpoint.enabled && endpoint.failureStreak > 0 && endpoint.failingSince && (
          <Badge variant="warning">Failing since {formatDateTime(endpoint.failingSince)}</Badge>
        )}
      </p>
      {!endpoint.enabled && endpoint.disabledReason && (
        <Alert variant="warning" title="Turned off by the portal">
          {endpoint.disabledReason} Fix the receiver, turn the endpoint on and replay what you need.
        </Alert>
      )}
      {endpoint.previousSecretUntil && endpoint.previousSecretUntil > new Date() && (
        <p className="text-xs text-muted-foreground">
          The previous secret still signs beside the new one until {formatDateTime(endpoint.previousSecretUntil)}.
        </p>
      )}
    </div>
  );
}
