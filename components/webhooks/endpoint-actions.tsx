"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  deleteWebhookEndpointAction,
  rotateWebhookSecretAction,
  sendWebhookTestEventAction,
  setWebhookEndpointEnabledAction,
} from "@/app/(portal)/webhooks/actions";
import { ActionButton } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/http/action-result";
import { EditWebhookDialog } from "./edit-webhook-dialog";
import { ShownOnceSecret } from "./shown-once-secret";

interface Endpoint {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
}

/** Throws the action's message for ConfirmDialog to show; answers the data. */
async function run<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error);
  return answer.data;
}

/** What a partner admin can do with one endpoint, each change confirmed where it cannot be taken back. */
export function EndpointActions({ endpoint }: { endpoint: Endpoint }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const ref = { endpointId: endpoint.id };
  const named = (verb: string) => `${verb} ${endpoint.url}`;

  return (
    <div className="flex flex-wrap gap-2">
      <EditWebhookDialog endpoint={endpoint} />
      {endpoint.enabled && (
        <ActionButton
          run={() => sendWebhookTestEventAction(ref)}
          done={{ title: "Test event queued", description: "It is sent within seconds: see the delivery log." }}
          failed="No test event sent"
          aria-label={named("Send test event to")}
        >
          Send test event
        </ActionButton>
      )}
      <ConfirmDialog
        title={endpoint.enabled ? "Turn this endpoint off?" : "Turn this endpoint on?"}
        description={
          endpoint.enabled
            ? "Nothing is sent to it while it is off, and deliveries waiting for it are given up. You can replay them later."
            : "New events are sent to it again. Deliveries that failed meanwhile can be replayed from its log."
        }
        confirmLabel={endpoint.enabled ? "Turn off" : "Turn on"}
        onConfirm={async () => {
          await run(setWebhookEndpointEnabledAction({ ...ref, enabled: !endpoint.enabled }));
          toast({ title: endpoint.enabled ? "Endpoint turned off" : "Endpoint turned on", variant: "success" });
          router.refresh();
        }}
        trigger={
          <Button variant="secondary" size="sm" aria-label={named(endpoint.enabled ? "Turn off" : "Turn on")}>
            {endpoint.enabled ? "Turn off" : "Turn on"}
          </Button>
        }
      />
      <ConfirmDialog
        title="Rotate the signing secret?"
        description="You get a new secret, shown once. For 24 hours requests carry signatures of both the new and the old secret, so you can switch your receiver over without missing events."
        confirmLabel="Rotate secret"
        onConfirm={async () => {
          setSecret((await run(rotateWebhookSecretAction(ref))).secret);
          router.refresh();
        }}
        trigger={
          <Button variant="secondary" size="sm" aria-label={named("Rotate secret of")}>
            Rotate secret
          </Button>
        }
      />
      <ConfirmDialog
        title="Delete this endpoint?"
        description={`${endpoint.url} receives nothing more, and its delivery log is deleted with it. This cannot be undone.`}
        confirmLabel="Delete endpoint"
        variant="danger"
        onConfirm={async () => {
          await run(deleteWebhookEndpointAction(ref));
          toast({ title: "Endpoint deleted", variant: "success" });
          router.refresh();
        }}
        trigger={
          <Button variant="ghost" size="sm" className="text-danger-700" aria-label={named("Delete")}>
            Delete
          </Button>
        }
      />
      <Dialog open={secret !== null} onOpenChange={(open) => !open && setSecret(null)}>
        <DialogContent title="New signing secret">
          {secret && <ShownOnceSecret value={secret} />}
          <DialogFooter>
            <Button onClick={() => setSecret(null)}>Done</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
