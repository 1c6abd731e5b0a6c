"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { registerNumbersAction } from "@/app/(portal)/emergency/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { TableScrollRegion } from "@/components/ui/table-scroll-region";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { QueueRow } from "@/lib/emergency/registration";
import { formatDate } from "@/lib/format";
import { useSelection } from "./use-selection";

const addressOf = (l: NonNullable<QueueRow["emergencyLocation"]>) =>
  [
    `${l.street} ${l.houseNumber}, ${l.postcode} ${l.city}${l.region ? `, ${l.region}` : ""} (${l.countryCode})`,
    [
      l.building && `building ${l.building}`,
      l.floor && `floor ${l.floor}`,
      l.room && `room ${l.room}`,
      l.callbackNumber && `callback ${l.callbackNumber}`,
    ]
      .filter(Boolean)
      .join(", "),
  ]
    .filter(Boolean)
    .join(" · ");

/** Admin: register the selected numbers' locations, or send them back with the reason. */
export function RegistrationQueue({ numbers }: { numbers: QueueRow[] }) {
  const router = useRouter();
  const { selected, allSelected, toggle, toggleAll, clear } = useSelection(numbers.map((n) => n.id));
  const [reason, setReason] = useState("");
  const [error, setError] = useState<{ message: string; reason?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!numbers.length)
    return <EmptyState title="Nothing to register" description="No number is waiting for registration." />;

  async function decide(decision: "ACTIVE" | "CHANGES_REQUIRED") {
    setError(null);
    if (!selected.size) return setError({ message: "Select at least one number." });
    setBusy(true);
    const result = await registerNumbersAction({
      numberIds: [...selected],
      decision,
      reason: decision === "CHANGES_REQUIRED" ? reason : undefined,
    });
    setBusy(false);
    if (!result.ok) return setError({ message: result.error, reason: result.fieldErrors?.reason?.[0] });
    toast({
      title: decision === "ACTIVE" ? `${result.data.count} registered` : `${result.data.count} sent back for changes`,
      variant: "success",
    });
    clear();
    setReason("");
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <TableScrollRegion label="Numbers waiting for registration">
        <table className="w-full text-sm">
          <caption className="sr-only">Numbers waiting for registration</caption>
          <thead className="bg-neutral-50 text-left">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <input
                  type="checkbox"
                  aria-label="Select every number on this page"
                  className="size-4 accent-brand-700"
                  checked={allSelected}
                  onChange={toggleAll}
                />
              </th>
              <th scope="col" className="px-3 py-2">
                Number
              </th>
              <th scope="col" className="px-3 py-2">
                Partner · PBX
              </th>
              <th scope="col" className="px-3 py-2">
                Location
              </th>
              <th scope="col" className="px-3 py-2">
                Entered
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {numbers.map((n) => (
              <tr key={n.id}>
                <td className="px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={`Select ${n.e164}`}
                    className="size-4 accent-brand-700"
                    checked={selected.has(n.id)}
                    onChange={() => toggle(n.id)}
                  />
                </td>
                <td className="px-3 py-2 font-mono whitespace-nowrap">{n.e164}</td>
                <td className="px-3 py-2">
                  {n.partner?.name} · {n.pbx?.name}
                </td>
                <td className="px-3 py-2">
                  {n.emergencyLocation && (
                    <>
                      {n.emergencyLocation.name}
                      <span className="block text-xs text-muted-foreground">{addressOf(n.emergencyLocation)}</span>
                    </>
                  )}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {n.emergencyStatusAt ? formatDate(n.emergencyStatusAt) : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScrollRegion>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_auto] lg:items-end">
        <FormField
          label="Reason (for changes required)"
          error={error?.reason}
          hint="Tell the partner what must change, e.g. “House number not found in the street register”."
        >
          {(field) => (
            <Textarea {...field} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={1000} />
          )}
        </FormField>
        <div className="flex flex-wrap gap-3">
          <Button variant="secondary" onClick={() => decide("CHANGES_REQUIRED")} loading={busy}>
            Changes required
          </Button>
          <Button onClick={() => decide("ACTIVE")} loading={busy}>
            Register {selected.size} selected
          </Button>
        </div>
      </div>
      {error && <Alert variant="danger">{error.message}</Alert>}
    </div>
  );
}
