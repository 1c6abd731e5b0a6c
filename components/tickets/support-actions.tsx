"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignAction, resolveAction } from "@/app/(portal)/admin/tickets/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";

interface SupportActionsProps {
  ticketId: string;
  assigneeId: string | null;
  admins: { id: string; name: string }[];
  canResolve: boolean;
  /** What resolving will change, e.g. "Marks the PBX's emergency service as configured." */
  resolutionEffect: string | null;
}

export function SupportActions({ ticketId, assigneeId, admins, canResolve, resolutionEffect }: SupportActionsProps) {
  const router = useRouter();
  const [assignee, setAssignee] = useState(assigneeId ?? "");
  const [assigning, setAssigning] = useState(false);
  const [note, setNote] = useState("");

  async function assign(event: React.FormEvent) {
    event.preventDefault();
    setAssigning(true);
    const result = await assignAction({ ticketId, assigneeId: assignee || null });
    setAssigning(false);
    if (!result.ok) return toast({ title: "Could not assign the ticket", description: result.error, variant: "error" });
    toast({ title: assignee ? "Ticket assigned" : "Ticket returned to the queue", variant: "success" });
    router.refresh();
  }

  return (
    <div className="space-y-5">
      <form onSubmit={assign} className="flex flex-wrap items-end gap-2" aria-label="Assign">
        <FormField label="Assignee" className="min-w-48 flex-1">
          {(field) => (
            <Select {...field} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="">Nobody (queue)</option>
              {admins.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <Button type="submit" variant="secondary" loading={assigning}>
          Assign
        </Button>
      </form>
      {canResolve && (
        <ConfirmDialog
          title="Resolve this ticket?"
          description={resolutionEffect ?? "The partner is told the request is done."}
          confirmLabel="Resolve"
          onConfirm={async () => {
            const result = await resolveAction({ ticketId, note: note.trim() || undefined });
            if (!result.ok) throw new Error(result.error);
            toast({ title: "Ticket resolved", description: result.data.outcome ?? undefined, variant: "success" });
            setNote("");
            router.refresh();
          }}
          trigger={<Button>Resolve</Button>}
        >
          <FormField label="Note to the partner (optional)">
            {(field) => <Textarea {...field} value={note} onChange={(e) => setNote(e.target.value)} rows={3} />}
          </FormField>
        </ConfirmDialog>
      )}
    </div>
  );
}
