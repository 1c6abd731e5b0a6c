"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { markAllNotificationsReadAction } from "@/app/(portal)/notifications/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

export function MarkAllReadButton({ unread }: { unread: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      loading={pending}
      disabled={unread === 0}
      onClick={async () => {
        setPending(true);
        const result = await markAllNotificationsReadAction(undefined);
        setPending(false);
        if (!result.ok) return void toast({ title: "Not marked as read", description: result.error, variant: "error" });
        router.refresh();
      }}
    >
      Mark all as read
    </Button>
  );
}
