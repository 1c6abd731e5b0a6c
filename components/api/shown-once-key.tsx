"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

/** A new key, shown once with a copy button: only its hash is stored, so it cannot be shown again. */
export function ShownOnceKey({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3">
      <Alert variant="success">Copy the key now: it is not shown again.</Alert>
      <FormField label="New API key">
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
        {copied ? "Copied" : "Copy key"}
      </Button>
      <p aria-live="polite" className="sr-only">
        {copied ? "Key copied" : ""}
      </p>
    </div>
  );
}
