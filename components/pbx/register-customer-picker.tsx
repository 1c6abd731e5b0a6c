"use client";

import { SearchComboboxField, searchUrl } from "@/components/ui/search-combobox-field";
import type { CustomerOption } from "@/lib/pbx/register";

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
  return (
    <SearchComboboxField<CustomerOption>
      label="Customer"
      required
      hint="Type any part of the customer's name."
      error={error}
      noun="customers"
      noMatch="No customer matches. Archived customers take no new PBX."
      placeholder="Search your customers"
      urlOf={searchUrl("/api/pbxs/customers")}
      value={value}
      textOf={value ? optionLabel(value) : ""}
      onChoose={onChange}
      renderRow={(row) => (
        <>
          {row.name}
          {row.partnerName && <span className="block text-xs text-muted-foreground">{row.partnerName}</span>}
        </>
      )}
    />
  );
}
