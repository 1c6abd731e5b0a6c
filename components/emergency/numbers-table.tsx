"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { assignSiteAction } from "@/app/(portal)/emergency/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { toast } from "@/components/ui/toast";
import type { EmergencyNumberRow } from "@/lib/emergency/numbers";
import type { TEmergencyNumbersMatching } from "@/lib/emergency/schemas";
import { EmergencyStatusBadge } from "./status-badge";
import { useSelection } from "./use-selection";

type Site = { id: string; name: string; customerName: string };

/** The numbers that need a location, with their status; select some and assign a site to all at once. */
export function NumbersTable({
  numbers,
  matching,
  sites,
  canEdit,
}: {
  numbers: EmergencyNumberRow[];
  /** Every number the list's filters select (all pages): "select all matching" sends these filters, not ids. */
  matching: { total: number; filters: TEmergencyNumbersMatching };
  sites: Site[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const { selected, allSelected, toggle, toggleAll, clear } = useSelection(numbers.map((n) => n.id));
  const [allMatching, setAllMatching] = useState(false);
  const chosen = allMatching ? matching.total : selected.size;
  const [siteId, setSiteId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!numbers.length)
    return (
      <EmptyState
        title="No numbers here"
        description="No number needing an emergency location matches these filters."
      />
    );

  async function assign() {
    setError(null);
    if (!siteId || !chosen) return setError("Choose a site and at least one number.");
    setBusy(true);
    const result = await assignSiteAction(
      allMatching ? { siteId, matching: matching.filters } : { siteId, numberIds: [...selected] },
    );
    setBusy(false);
    if (!result.ok) return setError(result.fieldErrors?.numberIds?.join(". ") ?? result.error);
    toast({
      title: `Site assigned to ${result.data.assigned} number${result.data.assigned === 1 ? "" : "s"}`,
      variant: "success",
    });
    clear();
    setAllMatching(false);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {canEdit && (
        <div className="flex flex-wrap items-end gap-3">
          <FormField label="Site to assign" className="min-w-64">
            {(field) => (
              <Select {...field} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
                <option value="">Choose a site</option>
                {sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.customerName})
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <Button onClick={assign} loading={busy} disabled={!chosen}>
            Assign to {chosen} selected
          </Button>
          {matching.total > numbers.length &&
            (allMatching ? (
              <Button variant="ghost" onClick={() => setAllMatching(false)}>
                Clear selection
              </Button>
            ) : (
              <Button
                variant="secondary"
                onClick={() => {
                  clear();
                  setAllMatching(true);
                }}
              >
                Select all {matching.total} matching
              </Button>
            ))}
        </div>
      )}
      {allMatching && (
        <p className="text-sm text-muted-foreground" aria-live="polite">
          All {matching.total} numbers matching the filters are selected, on every page. Those of another customer or
          country than the site&apos;s are left out.
        </p>
      )}
      {error && <Alert variant="danger">{error}</Alert>}
      <TableScrollRegion label="Numbers and their emergency location">
        <table className="w-full text-sm">
          <caption className="sr-only">Numbers and their emergency location</caption>
          <thead className="bg-neutral-50 text-left">
            <tr>
              {canEdit && (
                <th scope="col" className="w-10 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select every number on this page"
                    className="size-4 accent-brand-700"
                    checked={allMatching || allSelected}
                    disabled={allMatching}
                    onChange={toggleAll}
                  />
                </th>
              )}
              <th scope="col" className="px-3 py-2">
                Number
              </th>
              <th scope="col" className="px-3 py-2">
                PBX
              </th>
              <th scope="col" className="px-3 py-2">
                Location
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {numbers.map((n) => (
              <tr key={n.id}>
                {canEdit && (
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={`Select ${n.e164}`}
                      className="size-4 accent-brand-700"
                      checked={allMatching || selected.has(n.id)}
                      disabled={allMatching}
                      onChange={() => toggle(n.id)}
                    />
                  </td>
                )}
                <td className="px-3 py-2 font-mono whitespace-nowrap">{n.e164}</td>
                <td className="px-3 py-2">{n.pbx?.name}</td>
                <td className="px-3 py-2">
                  {n.emergencyLocation ? (
                    <>
                      {n.emergencyLocation.name}
                      <span className="block text-xs text-muted-foreground">
                        {n.emergencyLocation.street} {n.emergencyLocation.houseNumber}, {n.emergencyLocation.postcode}{" "}
                        {n.emergencyLocation.city}
                      </span>
                    </>
                  ) : (
                    <span className="font-medium text-danger-700">No location</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  <EmergencyStatusBadge status={n.emergencyStatus} />
                  {n.emergencyStatusReason && (
                    <span className="block text-xs text-muted-foreground">{n.emergencyStatusReason}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScrollRegion>
    </div>
  );
}
