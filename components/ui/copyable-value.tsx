"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/**
 * A secret shown once (a new API key, a set-password link): read-only, selected on focus, with a copy
 * button whose result a screen reader hears. `noun` names it on the button and in the announcement.
 */
export function CopyableValue({ label, value, noun }: { label: string; value: string; noun: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <>
      <FormField label={label}>
        {(field) => (
          <Input
            {...field}
            readOnly
            value={value}
            onFocus={(e) => e.currentTarget.select()}
            className="font-mono text-xs"
          />
        )}
      </FormField>
      <Button
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(value);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : `Copy ${noun}`}
      </Button>
      <p aria-live="polite" className="sr-only">
        {copied ? `${noun[0]!.toUpperCase()}${noun.slice(1)} copied` : ""}
      </p>
    </>
  );
}
