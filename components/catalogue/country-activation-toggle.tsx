"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { setCountryActivationAction } from "@/app/(portal)/admin/countries/actions";
import { Checkbox } from "@/components/ui/checkbox";
import { toast } from "@/components/ui/toast";

export function CountryActivationToggle({
  countryCode,
  countryName,
  enabled,
}: {
  countryCode: string;
  countryName: string;
  enabled: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Shows the new state at once; falls back to the server's value if the change is refused.
  const [checked, setChecked] = useOptimistic(enabled);

  function change(next: boolean) {
    startTransition(async () => {
      setChecked(next);
      const result = await setCountryActivationAction({ countryCode, activationEnabled: next });
      if (!result.ok) {
        toast({ title: "The setting was not changed", description: result.error, variant: "error" });
        return;
      }
      toast({
        title: next
          ? `CLASSOUND can be activated in ${countryName}`
          : `CLASSOUND is no longer offered in ${countryName}`,
        variant: "success",
      });
      router.refresh();
    });
  }

  return (
    <Checkbox
      label="CLASSOUND can be activated here"
      hint="When off, partners cannot start or submit requests for customers in this country. Services already active are not affected."
      checked={checked}
      disabled={pending}
      aria-busy={pending || undefined}
      onChange={(e) => change(e.target.checked)}
    />
  );
}
