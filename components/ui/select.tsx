import type { ComponentProps } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "./cn";
import { controlClassName } from "./control-styles";

/**
 * Native <select>: keyboard, screen reader and mobile pickers work out of the box and it
 * takes react-hook-form's register() directly. Pass <option> elements as children;
 * for a "choose one" prompt use <option value="" disabled>…</option>.
 */
export function Select({ className, children, ...props }: ComponentProps<"select">) {
  return (
    <div className={cn("relative", className)}>
      <select className={cn(controlClassName, "h-10 appearance-none pr-9")} {...props}>
        {children}
      </select>
      <ChevronDown
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-neutral-600"
      />
    </div>
  );
}
