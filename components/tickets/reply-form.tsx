"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/http/action-result";
import { ZTicketReply } from "@/lib/tickets/schemas";

interface ReplyFormProps {
  ticketId: string;
  reply: (input: { ticketId: string; body: string }) => Promise<ActionResult>;
  /** Where this side's uploads go (each side has its own route). */
  uploadUrl: string;
}

export function ReplyForm({ ticketId, reply, uploadUrl }: ReplyFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ZTicketReply), defaultValues: { ticketId, body: "" } });
  return (
    <div className="space-y-3">
      <form
        noValidate
        aria-label="Reply"
        onSubmit={form.handleSubmit(async (values) => {
          setError(null);
          const result = await reply({ ticketId, body: values.body });
          if (!result.ok) return setError(result.error);
          form.reset({ ticketId, body: "" });
          toast({ title: "Reply sent", variant: "success" });
          router.refresh();
        })}
      >
        <FormField label="Your reply" error={form.formState.errors.body?.message}>
          {(field) => <Textarea {...field} {...form.register("body")} rows={4} />}
        </FormField>
        {error && (
          <Alert variant="danger" className="mt-3">
            {error}
          </Alert>
        )}
        <div className="mt-3 flex flex-wrap items-start gap-3">
          <Button type="submit" loading={form.formState.isSubmitting}>
            Send reply
          </Button>
          <AttachFile uploadUrl={uploadUrl} />
        </div>
      </form>
    </div>
  );
}

// A file goes up on its own, straight to the server, and appears in the thread as a message.
function AttachFile({ uploadUrl }: { uploadUrl: string }) {
  const router = useRouter();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function upload(file: File) {
    setError(null);
    setBusy(true);
    const body = new FormData();
    body.set("file", file);
    try {
      const response = await fetch(uploadUrl, { method: "POST", body });
      const result = await response.json().catch(() => ({}));
      if (!response.ok || !result.ok) return setError(result.error ?? "The upload failed. Try again.");
      toast({ title: `${file.name} attached`, variant: "success" });
      router.refresh();
    } catch {
      setError("The upload was interrupted. Check the connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <input
        id={inputId}
        type="file"
        accept="application/pdf,image/png,image/jpeg"
        className="sr-only"
        aria-label="Attach a file (PDF, PNG or JPEG)"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void upload(file);
        }}
      />
      <Button variant="secondary" loading={busy} onClick={() => document.getElementById(inputId)?.click()}>
        Attach a file
      </Button>
      {error && (
        <p role="alert" className="max-w-xs text-sm font-medium text-danger-700">
          {error}
        </p>
      )}
    </div>
  );
}
