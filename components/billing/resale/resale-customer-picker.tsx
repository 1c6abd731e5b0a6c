"use client";

import { useId } from "react";
import { FieldMessages, useFieldIds } from "@/components/ui/form-field";
import { SearchCombobox } from "@/components/ui/search-combobox";
import type { ResaleCustomerOption } from "@/lib/billing/resale/settings";
import { ruleText } from "@/lib/billing/resale/csv";

type SearchResult = { rows: ResaleCustomerOption[]; total: number };

const searchUrl = (q: string) =>
  `/api/billing/rebilling/customers?${new URLSearchParams(q.trim() ? { q: q.trim() } : {})}`;

/** One of the partner's customers, searched on the server by any part of its name. */
export function ResaleCustomerPicker({
  value,
  onChange,
  error,
}: {
  value: ResaleCustomerOption | null;
  onChange: (value: ResaleCustomerOption) => void;
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
      <SearchCombobox<ResaleCustomerOption, SearchResult>
        id={id}
        urlOf={searchUrl}
        value={value}
        textOf={value?.name ?? ""}
        onChoose={onChange}
        renderRow={(row) => (
          <>
            {row.name}
            <span className="block text-xs text-muted-foreground">
              {row.ownRule
                ? `Own rule: ${ruleText({ ...row.ownRule, source: "customer" })}`
                : "Your rule for all customers"}
            </span>
          </>
        )}
        status={(page, shown) =>
          page.total === 0
            ? "No customer matches."
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
