"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { Button } from "./button";
import { toast } from "./toast";

/**
 * A small button that runs one server action with no form (resend a mail, replay a webhook): busy
 * while it runs, a toast with the outcome, and the page refreshed after a success.
 */
export function ActionButton({
  run,
  done,
  failed,
  children,
  "aria-label": ariaLabel,
}: {
  run: () => Promise<ActionResult<unknown>>;
  /** The success toast, e.g. "Queued for sending". */
  done: { title: string; description?: ReactNode };
  /** The failure toast's title; the action's message is its description. */
  failed: string;
  children: ReactNode;
  "aria-label"?: string;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      loading={pending}
      aria-label={ariaLabel}
      onClick={async () => {
        setPending(true);
        const result = await run();
        setPending(false);
        if (!result.ok) return void toast({ title: failed, description: result.error, variant: "error" });
        toast({ ...done, variant: "success" });
        router.refresh();
      }}
    >
      {children}
    </Button>
  );
}
