"use client";

import { useId } from "react";
import { FieldMessages, useFieldIds } from "@/components/ui/form-field";
import { SearchCombobox } from "@/components/ui/search-combobox";
import type { PartnerOption } from "@/lib/billing/queries";

type SearchResult = { rows: PartnerOption[]; total: number };

/** Where the partners matching `q` are searched (GET /api/admin/invoices/partners). */
const partnerSearchUrl = (q: string) =>
  `/api/admin/invoices/partners?${new URLSearchParams(q.trim() ? { q: q.trim() } : {})}`;

/** The partner a month is run for, found on the server by any part of its name (an ARIA 1.2 combobox). */
export function PartnerPicker({
  value,
  onChange,
  error,
}: {
  value: PartnerOption | null;
  onChange: (value: PartnerOption) => void;
  error?: string;
}) {
  const id = useId();
  const hint = "Type any part of the partner's name.";
  const { hintId, errorId, describedBy } = useFieldIds({ hint, error }, id);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        Partner
      </label>
      <SearchCombobox<PartnerOption, SearchResult>
        id={id}
        urlOf={partnerSearchUrl}
        value={value}
        textOf={value?.name ?? ""}
        onChoose={onChange}
        renderRow={(row) => row.name}
        status={(page, shown) =>
          page.total === 0
            ? "No partner matches."
            : `${page.total} match${page.total === 1 ? "" : "es"}${page.total > shown ? `; ${shown} shown: type more of the name` : ""}.`
        }
        listLabel="Matching partners"
        inputProps={{
          placeholder: "Search partners",
          "aria-describedby": describedBy,
          "aria-invalid": error ? true : undefined,
        }}
      />
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}
