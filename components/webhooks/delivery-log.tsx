import { Send } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/lib/format";
import type { WebhookDeliveryRow } from "@/lib/webhooks/deliveries";
import { deliveryStatusBadge } from "./labels";
import { ReplayButton } from "./replay-button";

/** An endpoint's deliveries, newest first: status, attempts, next retry, and each attempt's answer. */
export function DeliveryLog({ deliveries, replayable }: { deliveries: WebhookDeliveryRow[]; replayable: boolean }) {
  if (!deliveries.length)
    return (
      <EmptyState
        icon={Send}
        title="Nothing sent yet"
        description="Deliveries appear here as events happen; send a test event to try the endpoint."
      />
    );
  return (
    <ol className="divide-y divide-border">
      {deliveries.map((delivery) => {
        const badge = deliveryStatusBadge(delivery.status, delivery.attempts);
        return (
          <li key={delivery.id} className="space-y-2 py-3 first:pt-0">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0 space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  <code className="text-sm font-medium">{delivery.event.type}</code>
                  <Badge variant={badge.variant}>{badge.label}</Badge>
                  {delivery.replayOfId && <Badge variant="neutral">Replay</Badge>}
                </p>
                <p className="text-xs break-all text-muted-foreground">
                  {formatDateTime(delivery.createdAt)} · event {delivery.event.id} · {delivery.attempts}{" "}
                  {delivery.attempts === 1 ? "attempt" : "attempts"}
                  {delivery.lastStatusCode !== null && ` · last answer HTTP ${delivery.lastStatusCode}`}
                  {delivery.status === "PENDING" &&
                    delivery.nextAttemptAt &&
                    ` · ${delivery.attempts ? "next retry" : "sending"} ${formatDateTime(delivery.nextAttemptAt)}`}
                </p>
                {delivery.lastError && delivery.status !== "SUCCEEDED" && (
                  <p className="text-sm break-words text-danger-700">{delivery.lastError}</p>
                )}
              </div>
              {replayable && delivery.status !== "PENDING" && (
                <ReplayButton deliveryId={delivery.id} eventType={delivery.event.type} />
              )}
            </div>
            {delivery.attemptLog.length > 0 && (
              <details className="text-sm">
                <summary className="cursor-pointer text-brand-700">Attempts</summary>
                <ol className="mt-2 space-y-2">
                  {delivery.attemptLog.map((attempt) => (
                    <li key={String(attempt.id)} className="rounded-sm bg-neutral-50 p-2">
                      <p className="text-xs text-muted-foreground">
                        #{attempt.number} · {formatDateTime(attempt.startedAt)} · {attempt.durationMs} ms ·{" "}
                        {attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : "no answer"}
                      </p>
                      {attempt.error && <p className="break-words">{attempt.error}</p>}
                      {attempt.responseSnippet && (
                        <pre className="mt-1 overflow-x-auto text-xs break-all whitespace-pre-wrap">
                          {attempt.responseSnippet}
                        </pre>
                      )}
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
