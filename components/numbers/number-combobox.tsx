"use client";

import { useId } from "react";
import { cn } from "@/components/ui/cn";
import { SearchCombobox } from "@/components/ui/search-combobox";
import type { NumberPickPage } from "@/lib/numbers/picker";
import type { NumberPurpose } from "@/lib/numbers/picker-schemas";
import { numberSearchUrl } from "./use-number-search";

export type PickedNumber = { id: string; e164: string };

/**
 * One number of a PBX, found on the server by any part of its digits. Numbers the server would
 * refuse for this purpose are listed, disabled, with the reason, so the partner sees why a number it
 * expected is not offered.
 */
export function NumberCombobox({
  pbxId,
  purpose,
  label,
  value,
  onChange,
  className,
}: {
  pbxId: string;
  purpose: NumberPurpose;
  label: string;
  value: PickedNumber | null;
  onChange: (value: PickedNumber | null) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        {label}
      </label>
      <SearchCombobox<NumberPickPage["rows"][number], NumberPickPage>
        id={id}
        urlOf={(query) => numberSearchUrl(pbxId, purpose, query, 1)}
        value={value}
        textOf={value?.e164 ?? ""}
        onChoose={(row) => onChange({ id: row.id, e164: row.e164 })}
        renderRow={(row) => <span className="font-mono">{row.e164}</span>}
        disabledReason={(row) => row.refusal}
        status={(page, shown) =>
          page.total === 0
            ? "No number matches."
            : `${page.total} match${page.total === 1 ? "" : "es"}, ${page.accepted} can be chosen${page.total > shown ? `; ${shown} shown: type more digits` : ""}.`
        }
        listLabel={`${label}: matching numbers`}
        inputProps={{ inputMode: "tel", placeholder: "Type any digits, e.g. 4930", className: "font-mono" }}
      />
    </div>
  );
}
