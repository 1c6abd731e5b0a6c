"use client";

import type { ReactElement, ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from "./dialog";

/**
 * A dialog whose form makes something with a value shown only once (an API key, a set-password
 * link, a signing secret): the form until it succeeds, then the value with a Done button.
 */
export function RevealOnceDialog({
  trigger,
  open,
  onOpenChange,
  title,
  revealedTitle,
  description,
  size = "md",
  revealed,
  onDone,
  children,
}: {
  trigger: ReactElement;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  revealedTitle: string;
  description: ReactNode;
  size?: "md" | "lg";
  /** The value's display once made; null while the form shows. */
  revealed: ReactNode | null;
  onDone: () => void;
  /** The form. */
  children: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent
        title={revealed ? revealedTitle : title}
        description={revealed ? undefined : description}
        size={size}
      >
        {revealed ? (
          <>
            {revealed}
            <DialogFooter>
              <Button onClick={onDone}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          children
        )}
      </DialogContent>
    </Dialog>
  );
}
