"use client";

import { resendEmailAction } from "@/app/(portal)/admin/outbox/actions";
import { ActionButton } from "@/components/ui/action-button";

export function ResendButton({ outboxEmailId, subject }: { outboxEmailId: string; subject: string }) {
  return (
    <ActionButton
      run={() => resendEmailAction({ outboxEmailId })}
      done={{ title: "Queued for sending" }}
      failed="Not resent"
      aria-label={`Resend “${subject}”`}
    >
      Resend
    </ActionButton>
  );
}
