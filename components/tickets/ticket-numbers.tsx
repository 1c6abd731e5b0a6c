"use client";

import { useState } from "react";
import { NumberCombobox, type PickedNumber } from "@/components/numbers/number-combobox";
import { NumberPickerTable, type NumberSelection } from "@/components/numbers/number-picker-table";
import { FieldMessages } from "@/components/ui/form-field";
import type { TicketCategory } from "@/lib/db/generated/enums";

/**
 * The numbers a ticket is about, searched on the server: one number for a default caller request,
 * many (or all matching a search) for CNAM (US and Canadian only), blocking and other requests.
 */
export function TicketNumbers({
  pbxId,
  category,
  selection,
  onChange,
  error,
}: {
  pbxId: string;
  category: TicketCategory;
  selection: NumberSelection;
  onChange: (selection: NumberSelection) => void;
  error?: string;
}) {
  const [picked, setPicked] = useState<PickedNumber | null>(null);
  if (category === "DEFAULT_CALLER_NUMBER")
    return (
      <div className="space-y-1">
        <NumberCombobox
          pbxId={pbxId}
          purpose="defaultCaller"
          label="Number (choose one)"
          value={picked?.id === selection.ids[0] ? picked : null}
          onChange={(n) => {
            setPicked(n);
            onChange({ ids: n ? [n.id] : [], matching: null });
          }}
          className="sm:w-72"
        />
        <FieldMessages error={error} errorId="numbers-error" />
      </div>
    );
  return (
    <NumberPickerTable
      pbxId={pbxId}
      purpose={category === "CNAM" ? "cnam" : "any"}
      legend="Numbers"
      selection={selection}
      onChange={onChange}
      error={error}
    />
  );
}
