"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { StateInput } from "@/components/ui/state-input";
import type { CountryRow } from "@/lib/catalogue/queries";

const AREAS = [1, 2, 3, 4, 5, 6];

const columns: Column<CountryRow>[] = [
  {
    key: "name",
    header: "Country",
    sortable: true,
    cell: (r) => (
      <Link href={`/admin/countries/${r.code}`} className="font-medium text-brand-700 hover:underline">
        {r.name}
      </Link>
    ),
  },
  { key: "code", header: "Code", sortable: true, cell: (r) => <span className="font-mono text-xs">{r.code}</span> },
  { key: "callTerminationArea", header: "Area", sortable: true, align: "right" },
  {
    key: "isEu",
    header: "EU",
    sortable: true,
    sortValue: (r) => (r.isEu ? 0 : 1),
    cell: (r) => (r.isEu ? "Yes" : "No"),
  },
  {
    key: "emergencyRegime",
    header: "Emergency",
    sortable: true,
    sortValue: (r) => r.emergencyRegime,
    cell: (r) => r.emergencyRegime ?? "—",
  },
  {
    key: "activationEnabled",
    header: "CLASSOUND",
    sortable: true,
    sortValue: (r) => (r.activationEnabled ? 0 : 1),
    cell: (r) =>
      r.activationEnabled ? (
        <Badge variant="success">Can be activated</Badge>
      ) : (
        <Badge variant="neutral">Not offered</Badge>
      ),
  },
  { key: "requiredDocumentCount", header: "Required documents", sortable: true, align: "right" },
];

export function CountriesTable({ rows }: { rows: CountryRow[] }) {
  const [query, setQuery] = useState("");
  const [area, setArea] = useState("");
  const filtered = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    return rows.filter(
      (r) =>
        (!needle || r.name.toLocaleLowerCase().includes(needle) || r.code.toLowerCase() === needle) &&
        (!area || r.callTerminationArea === Number(area)),
    );
  }, [rows, query, area]);

  return (
    <DataTable
      caption="Countries"
      columns={columns}
      rows={filtered}
      getRowKey={(r) => r.code}
      pageSize={50}
      initialSort={{ key: "name", direction: "ascending" }}
      empty={{ title: "No countries match", description: "Change the name or the area to see more countries." }}
      toolbar={
        <>
          <FormField label="Country name" className="w-64">
            {(field) => (
              <StateInput
                {...field}
                type="search"
                value={query}
                onValueChange={setQuery}
                placeholder="e.g. Germany or DE"
              />
            )}
          </FormField>
          <FormField label="Call Termination Area" className="w-48">
            {(field) => (
              <Select {...field} value={area} onChange={(e) => setArea(e.target.value)}>
                <option value="">All areas</option>
                {AREAS.map((a) => (
                  <option key={a} value={a}>
                    Area {a}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <p aria-live="polite" className="ml-auto self-center text-sm text-muted-foreground">
            {filtered.length} of {rows.length} countries
          </p>
        </>
      }
    />
  );
}
