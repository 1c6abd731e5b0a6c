"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format";

/** The one-time link, shown once to the admin who issued it (it is also mailed to the user). */
export function PasswordLink({ email, link, expiresAt }: { email: string; link: string; expiresAt: Date }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <Alert variant="success">
        We e-mailed this link to {email}. It works once, until {formatDateTime(expiresAt)}. It is shown only now: copy
        it if you want to pass it on yourself.
      </Alert>
      <FormField label="One-time set-password link">
        {(field) => (
          <Input
            {...field}
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="font-mono text-xs"
          />
        )}
      </FormField>
      <Button
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(link);
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy link"}
      </Button>
      <p aria-live="polite" className="sr-only">
        {copied ? "Link copied" : ""}
      </p>
    </div>
  );
}
