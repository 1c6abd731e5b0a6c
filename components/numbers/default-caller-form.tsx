"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { setDefaultCallerAction } from "@/app/(portal)/numbers/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";

/** R11: the default caller number is picked from the PBX's own numbers, never typed. */
export function DefaultCallerForm({
  pbxId,
  current,
  numbers,
}: {
  pbxId: string;
  current: string | null;
  numbers: { id: string; e164: string }[];
}) {
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(current ?? "");
  const [pending, setPending] = useState(false);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setPending(true);
        const result = await setDefaultCallerAction({ pbxId, numberId: value || null });
        setPending(false);
        if (!result.ok) return toast({ title: "Not saved", description: result.error, variant: "error" });
        toast({
          title: result.data.e164 ? `${result.data.e164} is the default caller number` : "No default caller number",
          variant: "success",
        });
        router.refresh();
      }}
    >
      <label htmlFor={id} className="flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-64">
        Default caller number
        <Select id={id} value={value} onChange={(e) => setValue(e.target.value)}>
          <option value="">None</option>
          {numbers.map((n) => (
            <option key={n.id} value={n.id}>
              {n.e164}
            </option>
          ))}
        </Select>
      </label>
      <Button type="submit" variant="secondary" disabled={pending || value === (current ?? "")}>
        Save
      </Button>
    </form>
  );
}
