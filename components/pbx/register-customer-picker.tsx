"use client";

import { useId } from "react";
import { FieldMessages, useFieldIds } from "@/components/ui/form-field";
import { SearchCombobox } from "@/components/ui/search-combobox";
import type { CustomerOption } from "@/lib/pbx/register";

type SearchResult = { rows: CustomerOption[]; total: number };

/** Where the customers matching `q` are searched (GET /api/pbxs/customers). */
function customerSearchUrl(q: string) {
  return `/api/pbxs/customers?${new URLSearchParams(q.trim() ? { q: q.trim() } : {})}`;
}

const optionLabel = (c: CustomerOption) => (c.partnerName ? `${c.name} (${c.partnerName})` : c.name);

/**
 * The customer a PBX is registered for, found on the server by any part of its name (an ARIA 1.2
 * combobox: a text input owning a listbox), so a partner with thousands of customers types rather
 * than scrolls. Only customers the server would accept are listed: the actor's own, not archived.
 */
export function RegisterCustomerPicker({
  value,
  onChange,
  error,
}: {
  value: CustomerOption | null;
  onChange: (value: CustomerOption | null) => void;
  error?: string;
}) {
  const id = useId();
  const hint = "Type any part of the customer's name.";
  const { hintId, errorId, describedBy } = useFieldIds({ hint, error }, id);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        Customer
        <span aria-hidden="true" className="ml-0.5 text-danger-700">
          *
        </span>
      </label>
      <SearchCombobox<CustomerOption, SearchResult>
        id={id}
        urlOf={customerSearchUrl}
        value={value}
        textOf={value ? optionLabel(value) : ""}
        onChoose={onChange}
        renderRow={(row) => (
          <>
            {row.name}
            {row.partnerName && <span className="block text-xs text-muted-foreground">{row.partnerName}</span>}
          </>
        )}
        status={(page, shown) =>
          page.total === 0
            ? "No customer matches. Archived customers take no new PBX."
            : `${page.total} match${page.total === 1 ? "" : "es"}${page.total > shown ? `; ${shown} shown: type more of the name` : ""}.`
        }
        listLabel="Matching customers"
        inputProps={{
          placeholder: "Search your customers",
          "aria-describedby": describedBy,
          "aria-invalid": error ? true : undefined,
          "aria-required": true,
        }}
      />
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}
