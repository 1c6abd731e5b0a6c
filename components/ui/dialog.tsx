"use client";

import {
  createContext,
  useContext,
  useRef,
  useState,
  type ComponentProps,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from "react";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Slot } from "@radix-ui/react-slot";
import { X } from "lucide-react";
import { Alert } from "./alert";
import { Button } from "./button";
import { cn } from "./cn";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

type DialogContentProps = Omit<ComponentProps<typeof DialogPrimitive.Content>, "title"> & {
  /** Required: Radix and screen readers need every dialog to be named. */
  title: ReactNode;
  description?: ReactNode;
  size?: "sm" | "md" | "lg";
};

const widths = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-2xl" } as const;

/** The trigger of a TriggeredDialog, which Radix does not know: focus goes back to it on close. */
const ReturnFocusTo = createContext<RefObject<HTMLElement | null> | null>(null);

export function DialogContent({ title, description, size = "md", className, children, ...props }: DialogContentProps) {
  const returnFocusTo = useContext(ReturnFocusTo);
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-neutral-950/50 data-[state=open]:animate-fade-in" />
      <DialogPrimitive.Content
        // Without a description Radix warns unless aria-describedby is explicitly unset.
        {...(description ? {} : { "aria-describedby": undefined })}
        onCloseAutoFocus={
          returnFocusTo
            ? (event) => {
                event.preventDefault();
                returnFocusTo.current?.focus();
              }
            : undefined
        }
        className={cn(
          "fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-hidden",
          "rounded-card border border-border bg-surface shadow-xl data-[state=open]:animate-dialog-in",
          widths[size],
          className,
        )}
        {...props}
      >
        <div className="pt-5 pr-12 pb-3 pl-6">
          <DialogPrimitive.Title className="text-lg font-semibold text-foreground">{title}</DialogPrimitive.Title>
          {description && (
            <DialogPrimitive.Description className="mt-1 text-sm text-muted-foreground">
              {description}
            </DialogPrimitive.Description>
          )}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-6 pb-5 text-sm">{children}</div>
        {/* Last in DOM order so Radix's initial focus lands on the dialog's own content
            (first field, or Cancel in a ConfirmDialog) rather than on the close icon. */}
        <DialogPrimitive.Close
          aria-label="Close"
          className="absolute top-4 right-4 rounded-control p-1.5 text-neutral-600 hover:bg-neutral-100 hover:text-foreground"
        >
          <X aria-hidden="true" className="size-4" />
        </DialogPrimitive.Close>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/**
 * A dialog opened by its trigger whose Radix root mounts only once it is first opened: a table with a
 * dialog on each row (release a number, edit a site) hydrates one button a row instead of a dialog
 * root, trigger and portals a row (fifty release dialogs were most of /numbers' blocking time in
 * Lighthouse). The trigger stays the same element, outside the root, and gets focus back on close.
 */
export function TriggeredDialog({
  trigger,
  open,
  onOpenChange,
  children,
}: {
  trigger: ReactElement;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The DialogContent. */
  children: ReactNode;
}) {
  const triggerRef = useRef<HTMLElement>(null);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Slot
        ref={triggerRef}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setOpened(true);
          onOpenChange(true);
        }}
      >
        {trigger}
      </Slot>
      {(opened || open) && (
        <ReturnFocusTo.Provider value={triggerRef}>
          <Dialog open={open} onOpenChange={onOpenChange}>
            {children}
          </Dialog>
        </ReturnFocusTo.Provider>
      )}
    </>
  );
}

/** Button row at the bottom of a dialog: secondary action first, primary last (right). */
export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "-mx-6 mt-5 -mb-5 flex flex-col-reverse gap-2 border-t border-border bg-neutral-50 px-6 py-3 sm:flex-row sm:justify-end",
        className,
      )}
      {...props}
    />
  );
}

type ConfirmDialogProps = {
  title: ReactNode;
  /** Explains the consequence, e.g. "The number will be released and cannot be recovered." */
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  variant?: "primary" | "danger";
  /**
   * Runs when confirmed. The dialog shows a busy button while the promise is pending,
   * closes when it resolves and stays open showing the error message when it rejects.
   */
  onConfirm: () => unknown;
  /** Element that opens the dialog, e.g. <Button variant="danger">Delete</Button>. Omit when controlling `open`. */
  trigger?: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

export function ConfirmDialog({
  title,
  description,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  variant = "primary",
  onConfirm,
  trigger,
  open: controlledOpen,
  onOpenChange,
}: ConfirmDialogProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = controlledOpen ?? uncontrolledOpen;

  function setOpen(next: boolean) {
    // Closing mid-request would hide the outcome of an action the user is waiting on.
    if (pending) return;
    if (next) setError(null);
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  }

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setPending(false);
      setUncontrolledOpen(false);
      onOpenChange?.(false);
    } catch (cause) {
      setPending(false);
      setError(cause instanceof Error ? cause.message : "Something went wrong. Please try again.");
    }
  }

  const content = (
    <DialogContent title={title} description={description} size="sm" role="alertdialog">
      {children}
      {error && (
        <Alert variant="danger" className="mt-3">
          {error}
        </Alert>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary" disabled={pending}>
            {cancelLabel}
          </Button>
        </DialogClose>
        <Button variant={variant} loading={pending} onClick={confirm}>
          {confirmLabel}
        </Button>
      </DialogFooter>
    </DialogContent>
  );
  return trigger ? (
    <TriggeredDialog trigger={trigger} open={open} onOpenChange={setOpen}>
      {content}
    </TriggeredDialog>
  ) : (
    <Dialog open={open} onOpenChange={setOpen}>
      {content}
    </Dialog>
  );
}
