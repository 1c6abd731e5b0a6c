"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createPartnerKeyAction } from "@/app/(portal)/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormDialogFooter, useFormDialog } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { RevealOnceDialog } from "@/components/ui/reveal-once-dialog";
import { ZNewPartnerKey, type TNewPartnerKey } from "@/lib/api/key-schemas";
import { API_AREA_LABEL, API_AREAS, type ApiArea } from "@/lib/api/scopes";
import { ShownOnceKey } from "./shown-once-key";

type Parsed = ReturnType<typeof ZNewPartnerKey.parse>;
const DEFAULTS: TNewPartnerKey = { name: "", scopes: [], expiresOn: "" };
const areaLabel = (area: ApiArea) => API_AREA_LABEL[area];

/** A new partner key: its name, what it may do per area, and optionally its last day. */
export function CreatePartnerKeyDialog() {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm<TNewPartnerKey, unknown, Parsed>({
    resolver: zodResolver(ZNewPartnerKey),
    defaultValues: DEFAULTS,
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const { open, onOpenChange, close, error, submit } = useFormDialog(form, DEFAULTS, () => setCreated(null));

  return (
    <RevealOnceDialog
      trigger={<Button>New API key</Button>}
      open={open}
      onOpenChange={onOpenChange}
      title="New API key"
      revealedTitle="API key created"
      description="Your systems send it as “Authorization: Bearer <key>”."
      revealed={created && <ShownOnceKey value={created} />}
      onDone={close}
    >
      <form
        noValidate
        className="space-y-4"
        onSubmit={submit(createPartnerKeyAction, ({ key }) => {
          setCreated(key);
          router.refresh();
        })}
      >
        <FormField label="Name" required error={errors.name?.message}>
          {(field) => (
            <Input {...field} {...register("name")} autoComplete="off" maxLength={60} placeholder="e.g. CRM" />
          )}
        </FormField>
        <fieldset className="space-y-2" aria-describedby={errors.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium">Access (write includes read)</legend>
          <div className="grid grid-cols-[1fr_auto_auto] items-center gap-x-4 gap-y-1 text-sm">
            {API_AREAS.map((area) => (
              <div key={area} className="contents">
                <span>{areaLabel(area)}</span>
                <Checkbox
                  {...register("scopes")}
                  value={`${area}:read`}
                  label="Read"
                  aria-label={`${areaLabel(area)}: read`}
                />
                <Checkbox
                  {...register("scopes")}
                  value={`${area}:write`}
                  label="Write"
                  aria-label={`${areaLabel(area)}: write`}
                />
              </div>
            ))}
          </div>
          {errors.scopes && (
            <p id="scopes-error" role="alert" className="text-sm font-medium text-danger-700">
              {errors.scopes.message ?? errors.scopes[0]?.message}
            </p>
          )}
        </fieldset>
        <FormField
          label="Last day"
          hint="Optional: the key is refused from the next day on. Leave empty to keep it until revoked."
          error={errors.expiresOn?.message}
        >
          {(field) => <Input {...field} {...register("expiresOn")} type="date" />}
        </FormField>
        <FormDialogFooter error={error} onCancel={close} submitLabel="Create key" pending={formState.isSubmitting} />
      </form>
    </RevealOnceDialog>
  );
}
