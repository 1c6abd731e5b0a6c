import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Placeholder block while content loads. Hidden from assistive tech: announce loading on the surrounding region (aria-busy) instead. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      className={cn("rounded-control bg-neutral-200 motion-safe:animate-pulse", className)}
      {...props}
    />
  );
}
