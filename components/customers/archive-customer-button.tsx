"use client";

import { useRouter } from "next/navigation";
import { archiveCustomerAction, restoreCustomerAction } from "@/app/(portal)/customers/[id]/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";

/** "Archive" for a customer with nothing running, "Restore" for an archived one; each confirmed first. */
export function ArchiveCustomerButton({ customer }: { customer: { id: string; name: string; archived: boolean } }) {
  const router = useRouter();
  const { id, name, archived } = customer;
  return (
    <ConfirmDialog
      title={archived ? `Restore ${name}?` : `Archive ${name}?`}
      description={
        archived
          ? "It returns to the customers list and can take new PBXs and activation requests again."
          : "It leaves the customers list (the Archived filter still shows it) and takes no new PBX or activation request until it is restored. Its history stays."
      }
      confirmLabel={archived ? "Restore customer" : "Archive customer"}
      variant={archived ? "primary" : "danger"}
      onConfirm={async () => {
        const result = archived
          ? await restoreCustomerAction({ customerId: id })
          : await archiveCustomerAction({ customerId: id });
        if (!result.ok) throw new Error(result.error);
        toast({ title: archived ? `${name} restored` : `${name} archived`, variant: "success" });
        router.refresh();
      }}
      trigger={<Button variant="secondary">{archived ? "Restore" : "Archive"}</Button>}
    />
  );
}
