"use client";

import { useRouter } from "next/navigation";
import { closeAction } from "@/app/(portal)/tickets/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

export function CloseTicketButton({ ticketId }: { ticketId: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title="Close this ticket?"
      description="A closed ticket cannot be reopened; open a new one if you need support again."
      confirmLabel="Close ticket"
      onConfirm={async () => {
        const result = await closeAction({ ticketId });
        if (!result.ok) throw new Error(result.error);
        toast({ title: "Ticket closed", variant: "success" });
        router.refresh();
      }}
      trigger={<Button variant="secondary">Close ticket</Button>}
    />
  );
}
