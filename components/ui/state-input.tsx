"use client";

import { useRef, type ComponentProps } from "react";
import { Input } from "./input";
import { useTypedBeforeHydration } from "./use-typed-before-hydration";

/**
 * A text input whose value lives in React state (a search that filters as it is typed), which keeps
 * what was typed before the page hydrated (`useTypedBeforeHydration`) instead of ignoring it.
 */
export function StateInput({
  value,
  onValueChange,
  ...props
}: Omit<ComponentProps<"input">, "value" | "onChange" | "ref"> & {
  value: string;
  onValueChange: (value: string) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useTypedBeforeHydration(ref, value, onValueChange);
  return <Input ref={ref} value={value} onChange={(e) => onValueChange(e.target.value)} {...props} />;
}
