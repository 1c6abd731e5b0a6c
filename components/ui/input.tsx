import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName } from "./control-styles";

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return <input type={type} className={cn(controlClassName, "h-10", className)} {...props} />;
}
