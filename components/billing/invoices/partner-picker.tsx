"use client";

import { SearchComboboxField, searchUrl } from "@/components/ui/search-combobox-field";
import type { PartnerOption } from "@/lib/billing/queries";

/** The partner a month is run for, found on the server by any part of its name (GET /api/admin/invoices/partners). */
export function PartnerPicker({
  value,
  onChange,
  error,
}: {
  value: PartnerOption | null;
  onChange: (value: PartnerOption) => void;
  error?: string;
}) {
  return (
    <SearchComboboxField<PartnerOption>
      label="Partner"
      hint="Type any part of the partner's name."
      error={error}
      noun="partners"
      noMatch="No partner matches."
      placeholder="Search partners"
      urlOf={searchUrl("/api/admin/invoices/partners")}
      value={value}
      textOf={value?.name ?? ""}
      onChoose={onChange}
      renderRow={(row) => row.name}
    />
  );
}
