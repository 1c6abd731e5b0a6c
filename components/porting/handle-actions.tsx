"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState, type ReactElement } from "react";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import {
  completePortingAction,
  rejectPortingAction,
  schedulePortingAction,
  startPortingAction,
} from "@/app/(portal)/admin/porting/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { PortingStatus } from "@/lib/db/generated/enums";
import type { ActionResult } from "@/lib/http/action-result";
import { ZRejectPorting, ZSchedulePorting } from "@/lib/porting/schemas";
import { canTransition } from "@/lib/porting/transitions";

interface HandleActionsProps {
  requestId: string;
  version: number;
  status: PortingStatus;
  numberCount: number;
  pbxName: string;
}

/** The operator's steps on a port-in, each shown only when the workflow allows it. */
export function PortingHandleActions({ requestId, version, status, numberCount, pbxName }: HandleActionsProps) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const ref = { requestId, version };

  async function run(work: () => Promise<ActionResult>, success: string) {
    const result = await work();
    if (!result.ok) throw new Error(result.error);
    toast({ title: success, variant: "success" });
    router.refresh();
  }

  if (!["start", "schedule", "complete", "reject"].some((a) => canTransition(status, a as "start"))) return null;
  return (
    <div className="flex flex-wrap gap-3" role="group" aria-label="Handle the request">
      {canTransition(status, "start") && (
        <Button
          variant="secondary"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            await run(() => startPortingAction(ref), "Request taken in hand").catch((error: Error) =>
              toast({ title: "Could not start", description: error.message, variant: "error" }),
            );
            setBusy(false);
          }}
        >
          Start
        </Button>
      )}
      {canTransition(status, "schedule") && (
        <StepDialog
          schema={ZSchedulePorting}
          defaults={{ ...ref, portingAt: "" }}
          submit={(values) => schedulePortingAction(values)}
          success="Switch scheduled; the partner has been told"
          title={status === "SCHEDULED" ? "Move the switch" : "Schedule the switch"}
          description="Incoming calls move to CLASSOUND at this time (UTC). The partner is told at once."
          trigger={<Button>{status === "SCHEDULED" ? "Reschedule" : "Schedule"}</Button>}
          field={{
            name: "portingAt",
            label: "Date and time (UTC)",
            render: (props) => <Input {...props} type="datetime-local" />,
          }}
          confirmLabel="Schedule"
        />
      )}
      {canTransition(status, "complete") && (
        <ConfirmDialog
          title="Complete the port?"
          description={`The ${numberCount} number${numberCount === 1 ? "" : "s"} become assigned to PBX ${pbxName}, and the partner is told.`}
          confirmLabel="Complete"
          onConfirm={() => run(() => completePortingAction(ref), "Port completed: numbers assigned")}
          trigger={<Button>Complete</Button>}
        />
      )}
      {canTransition(status, "reject") && (
        <StepDialog
          schema={ZRejectPorting}
          defaults={{ ...ref, reason: "" }}
          submit={(values) => rejectPortingAction(values)}
          success="Request rejected"
          title="Reject the request"
          description="The partner reads this reason. A rejected request cannot be reopened."
          trigger={<Button variant="danger">Reject</Button>}
          field={{ name: "reason", label: "Reason", render: (props) => <Textarea {...props} rows={4} /> }}
          confirmLabel="Reject request"
          danger
        />
      )}
    </div>
  );
}

interface StepDialogProps<S extends z.ZodType<FieldValues, FieldValues>> {
  schema: S;
  defaults: z.input<S>;
  submit: (values: z.input<S>) => Promise<ActionResult>;
  success: string;
  title: string;
  description: string;
  trigger: ReactElement;
  field: { name: Path<z.input<S>> & string; label: string; render: (props: object) => ReactElement };
  confirmLabel: string;
  danger?: boolean;
}

/** A step that needs one field (a time, a reason): checked by the action's own schema before it is sent. */
function StepDialog<S extends z.ZodType<FieldValues, FieldValues>>({
  schema,
  defaults,
  submit,
  success,
  title,
  description,
  trigger,
  field,
  confirmLabel,
  danger,
}: StepDialogProps<S>) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Typed by the schema at the call site; inside, one field of a plain record.
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as z.ZodType<FieldValues, FieldValues>),
    defaultValues: defaults,
  });
  const message = form.formState.errors[field.name]?.message;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <form
          noValidate
          onSubmit={form.handleSubmit(async () => {
            setError(null);
            const result = await submit(form.getValues() as z.input<S>);
            if (!result.ok) {
              const fieldMessage = result.fieldErrors?.[field.name]?.[0];
              if (fieldMessage) form.setError(field.name, { message: fieldMessage });
              return setError(result.error);
            }
            toast({ title: success, variant: "success" });
            setOpen(false);
            router.refresh();
          })}
        >
          <FormField label={field.label} required error={typeof message === "string" ? message : undefined}>
            {(props) => field.render({ ...props, ...form.register(field.name) })}
          </FormField>
          {error && (
            <Alert variant="danger" className="mt-3">
              {error}
            </Alert>
          )}
          <DialogFooter>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant={danger ? "danger" : "primary"} loading={form.formState.isSubmitting}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
