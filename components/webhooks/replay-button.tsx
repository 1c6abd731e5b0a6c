"use client";

import { replayWebhookDeliveryAction } from "@/app/(portal)/webhooks/actions";
import { ActionButton } from "@/components/ui/action-button";

/** Sends a delivery's event again, as a new delivery at the top of the log. */
export function ReplayButton({ deliveryId, eventType }: { deliveryId: string; eventType: string }) {
  return (
    <ActionButton
      run={() => replayWebhookDeliveryAction({ deliveryId })}
      done={{ title: "Replay queued", description: "It is sent within seconds." }}
      failed="Not replayed"
      aria-label={`Replay ${eventType}`}
    >
      Replay
    </ActionButton>
  );
}
