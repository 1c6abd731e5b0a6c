"use client";

import { SearchComboboxField, searchUrl } from "@/components/ui/search-combobox-field";
import type { ResaleCustomerOption } from "@/lib/billing/resale/settings";
import { ruleText } from "@/lib/billing/resale/csv";

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
  return (
    <SearchComboboxField<ResaleCustomerOption>
      label="Customer"
      required
      hint="Type any part of the customer's name."
      error={error}
      noun="customers"
      noMatch="No customer matches."
      placeholder="Search your customers"
      urlOf={searchUrl("/api/billing/rebilling/customers")}
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
    />
  );
}
