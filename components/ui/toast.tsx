"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import * as ToastPrimitive from "@radix-ui/react-toast";
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { cn } from "./cn";

export type ToastVariant = "success" | "error" | "info";

export type ToastOptions = {
  title: ReactNode;
  description?: ReactNode;
  variant?: ToastVariant;
};

type ToastItem = ToastOptions & { id: number };

/*
 * A module-level store rather than React context, so <Toaster/> can be mounted once in the
 * root layout without wrapping the page tree, and toast() can be called from any client code.
 * Toasts are only created in the browser (event handlers), so the store never holds
 * per-request server state.
 */
let toasts: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const noToasts: ToastItem[] = [];

function setToasts(next: ToastItem[]) {
  toasts = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function toast(options: ToastOptions): number {
  const id = nextId++;
  setToasts([...toasts, { variant: "info", ...options, id }]);
  return id;
}

export function dismissToast(id: number) {
  setToasts(toasts.filter((item) => item.id !== id));
}

export function useToast() {
  return { toast, dismiss: dismissToast };
}

const variants = {
  success: { className: "border-l-success-600", iconClassName: "text-success-600", icon: CircleCheck },
  error: { className: "border-l-danger-700", iconClassName: "text-danger-700", icon: CircleAlert },
  info: { className: "border-l-brand-600", iconClassName: "text-brand-600", icon: Info },
} as const;

/**
 * Mount once near the root: either on its own (`<Toaster />`) or wrapping the app
 * (`<Toaster>{children}</Toaster>`); toast() works anywhere in both cases.
 */
export function Toaster({ children }: { children?: ReactNode }) {
  const items = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => noToasts,
  );
  return (
    <ToastPrimitive.Provider duration={6000} swipeDirection="right">
      {children}
      {items.map((item) => (
        <ToastCard key={item.id} item={item} />
      ))}
      <ToastPrimitive.Viewport className="fixed right-0 bottom-0 z-[100] flex max-h-dvh w-full flex-col gap-2 p-4 sm:max-w-sm" />
    </ToastPrimitive.Provider>
  );
}

function ToastCard({ item }: { item: ToastItem }) {
  const { className, iconClassName, icon: Icon } = variants[item.variant ?? "info"];
  const isError = item.variant === "error";
  return (
    <ToastPrimitive.Root
      // Errors interrupt the screen reader and stay until dismissed; confirmations are polite and fade out.
      type={isError ? "foreground" : "background"}
      duration={isError ? Infinity : undefined}
      onOpenChange={(open) => !open && dismissToast(item.id)}
      className={cn(
        "flex items-start gap-3 rounded-card border border-l-4 border-border bg-surface p-4 shadow-lg",
        "data-[state=open]:animate-toast-in data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=cancel]:translate-x-0 data-[swipe=cancel]:transition-transform",
        className,
      )}
    >
      <Icon aria-hidden="true" className={cn("mt-0.5 size-5 shrink-0", iconClassName)} />
      <div className="min-w-0 flex-1">
        <ToastPrimitive.Title className="text-sm font-semibold text-foreground">{item.title}</ToastPrimitive.Title>
        {item.description && (
          <ToastPrimitive.Description className="mt-0.5 text-sm text-muted-foreground">
            {item.description}
          </ToastPrimitive.Description>
        )}
      </div>
      <ToastPrimitive.Close
        aria-label="Dismiss notification"
        className="-mt-1 -mr-1 rounded-control p-1 text-neutral-600 hover:bg-neutral-100 hover:text-foreground"
      >
        <X aria-hidden="true" className="size-4" />
      </ToastPrimitive.Close>
    </ToastPrimitive.Root>
  );
}
