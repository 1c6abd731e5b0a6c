"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createSiteAction, updateSiteAction } from "@/app/(portal)/emergency/actions";
import { Button } from "@/components/ui/button";
import { DialogContent, TriggeredDialog } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import type { SiteFormOptions } from "@/lib/emergency/form-options";
import type { SiteListRow } from "@/lib/emergency/sites";
import { EMPTY_SITE, SiteForm } from "./site-form";

const formValues = (site: SiteListRow) =>
  Object.fromEntries(
    Object.keys(EMPTY_SITE).map((key) => [key, site[key as keyof SiteListRow] ?? ""]),
  ) as typeof EMPTY_SITE;

/** "New site" (with the customer it belongs to) or "Edit" of one site. */
export function SiteDialog({ options, site }: { options: SiteFormOptions; site?: SiteListRow }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [customerId, setCustomerId] = useState(options.customers.length === 1 ? options.customers[0]!.id : "");
  const [customerError, setCustomerError] = useState<string | undefined>();
  return (
    <TriggeredDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        site ? (
          <Button variant="secondary" size="sm" aria-label={`Edit ${site.name}`}>
            Edit
          </Button>
        ) : (
          <Button>New site</Button>
        )
      }
    >
      <DialogContent
        title={site ? `Edit “${site.name}”` : "New site"}
        description={
          site
            ? "Numbers at this site are registered again when its address changes."
            : "A place numbers call from; assign it to many numbers."
        }
        size="lg"
      >
        {!site && options.customers.length > 1 && (
          <FormField label="Customer" required error={customerError} className="mb-4">
            {(field) => (
              <Select {...field} value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
                <option value="" disabled>
                  Choose the customer
                </option>
                {options.customers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        )}
        <SiteForm
          defaultValues={site ? formValues(site) : EMPTY_SITE}
          countries={options.countries}
          onSubmit={async (values) => {
            if (site) return updateSiteAction({ siteId: site.id, site: values });
            setCustomerError(customerId ? undefined : "Choose the customer");
            return createSiteAction({ customerId, site: values });
          }}
          onDone={() => {
            toast({ title: site ? "Site saved" : "Site created", variant: "success" });
            setOpen(false);
            router.refresh();
          }}
          cancel={
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          }
        />
      </DialogContent>
    </TriggeredDialog>
  );
}
