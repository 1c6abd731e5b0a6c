"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { WEBHOOK_EVENT_LABEL, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

/** The events an endpoint wants, one checkbox each, with its name as partners' code sees it. */
export function EventCheckboxes({ field, error }: { field: UseFormRegisterReturn<"events">; error?: string }) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "events-error" : undefined}>
      <legend className="text-sm font-medium">Events</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <Checkbox
            key={type}
            {...field}
            value={type}
            label={WEBHOOK_EVENT_LABEL[type]}
            hint={<code className="text-xs">{type}</code>}
          />
        ))}
      </div>
      {error && (
        <p id="events-error" role="alert" className="text-sm font-medium text-danger-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
