"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { resendEmailAction } from "@/app/(portal)/admin/outbox/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

export function ResendButton({ outboxEmailId, subject }: { outboxEmailId: string; subject: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={pending}
      aria-label={`Resend “${subject}”`}
      onClick={async () => {
        setPending(true);
        const result = await resendEmailAction({ outboxEmailId });
        setPending(false);
        if (!result.ok) return void toast({ title: "Not resent", description: result.error, variant: "error" });
        toast({ title: "Queued for sending", variant: "success" });
        router.refresh();
      }}
    >
      Resend
    </Button>
  );
}
