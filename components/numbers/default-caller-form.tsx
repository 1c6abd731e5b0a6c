"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { setDefaultCallerAction } from "@/app/(portal)/numbers/actions";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { NumberCombobox, type PickedNumber } from "./number-combobox";

/**
 * R11: the default caller number is picked from the PBX's own numbers, never typed: searched on the
 * server among all of them, with those R13's gate refuses shown and explained.
 */
export function DefaultCallerForm({ pbxId, current }: { pbxId: string; current: PickedNumber | null }) {
  const router = useRouter();
  const [value, setValue] = useState<PickedNumber | null>(current);
  const [pending, setPending] = useState(false);

  async function save(numberId: string | null) {
    setPending(true);
    const result = await setDefaultCallerAction({ pbxId, numberId });
    setPending(false);
    if (!result.ok) return toast({ title: "Not saved", description: result.error, variant: "error" });
    toast({
      title: result.data.e164 ? `${result.data.e164} is the default caller number` : "No default caller number",
      variant: "success",
    });
    router.refresh();
  }

  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        void save(value?.id ?? null);
      }}
    >
      <NumberCombobox
        pbxId={pbxId}
        purpose="defaultCaller"
        label="Default caller number"
        value={value}
        onChange={setValue}
        className="w-full sm:w-72"
      />
      <Button type="submit" variant="secondary" disabled={pending || !value || value.id === current?.id}>
        Save
      </Button>
      {current && (
        <Button
          type="button"
          variant="ghost"
          disabled={pending}
          onClick={() => {
            setValue(null);
            void save(null);
          }}
        >
          Use none
        </Button>
      )}
    </form>
  );
}
