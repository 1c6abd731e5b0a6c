"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { registerPbxAction } from "@/app/(portal)/pbxs/new/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { LICENSE_PLAN_LABEL } from "@/lib/format";
import type { CustomerOption } from "@/lib/pbx/register";
import {
  LICENCE_PLANS,
  LICENSING_LABEL,
  LICENSINGS,
  SERIAL_HINT,
  ZRegisterPbx,
  type TRegisterPbx,
  type TRegisterPbxInput,
} from "@/lib/pbx/schemas";
import { LicenceLevelFields } from "./licence-level-fields";
import { RegisterCustomerPicker } from "./register-customer-picker";
import { RegisterEligibility } from "./register-eligibility";

/**
 * Registers a PBX: the same schema as the server, every refusal beside its field, and R1's verdict
 * (could CLASSOUND be activated on it?) recomputed as the partner types, from the function the
 * activation itself runs.
 */
export function RegisterPbxForm({ initialCustomer, today }: { initialCustomer: CustomerOption | null; today: string }) {
  const router = useRouter();
  const [customer, setCustomer] = useState<CustomerOption | null>(initialCustomer);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TRegisterPbxInput, unknown, TRegisterPbx>({
    resolver: zodResolver(ZRegisterPbx),
    defaultValues: {
      customerId: initialCustomer?.id ?? "",
      serial: "",
      name: "",
      licensing: "PER_USER",
      licensePlan: "YEARLY",
      termStart: today,
      termEnd: "",
      basic: "0",
      essential: "0",
      business: "0",
      premium: "0",
      softwareVersion: "",
    },
  });
  const { register, formState, control, setValue } = form;
  const errors = formState.errors;
  const licensePlan = useWatch({ control, name: "licensePlan" });
  const lifetime = licensePlan === "LIFETIME";

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={form.handleSubmit(async (values) => {
        setError(null);
        const result = await registerPbxAction(values);
        if (!result.ok) {
          for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
            form.setError(field as Path<TRegisterPbxInput>, { message: messages[0] });
          setError(result.error);
          return;
        }
        toast({ title: "PBX registered", variant: "success" });
        router.push(`/pbxs/${result.data.id}/licence`);
      })}
    >
      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold text-foreground">The PBX</legend>
        <RegisterCustomerPicker
          value={customer}
          error={errors.customerId?.message}
          onChange={(next) => {
            setCustomer(next);
            setValue("customerId", next?.id ?? "", { shouldValidate: formState.isSubmitted });
          }}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Serial" required hint={SERIAL_HINT} error={errors.serial?.message}>
            {(field) => (
              <Input
                {...field}
                {...register("serial")}
                autoComplete="off"
                spellCheck={false}
                maxLength={40}
                className="font-mono uppercase"
              />
            )}
          </FormField>
          <FormField label="Name" required hint="How people know it, e.g. Munich HQ." error={errors.name?.message}>
            {(field) => <Input {...field} {...register("name")} maxLength={100} />}
          </FormField>
        </div>
        <FormField
          label="Software version"
          required
          hint="As the PBX reports it, e.g. 6.01.20240310.2."
          error={errors.softwareVersion?.message}
          className="sm:max-w-xs"
        >
          {(field) => (
            <Input
              {...field}
              {...register("softwareVersion")}
              autoComplete="off"
              maxLength={40}
              className="font-mono"
            />
          )}
        </FormField>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-base font-semibold text-foreground">Licence</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Licensing" required error={errors.licensing?.message}>
            {(field) => (
              <Select {...field} {...register("licensing")}>
                {LICENSINGS.map((value) => (
                  <option key={value} value={value}>
                    {LICENSING_LABEL[value]}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label="Plan" required error={errors.licensePlan?.message}>
            {(field) => (
              <Select {...field} {...register("licensePlan")}>
                {LICENCE_PLANS.map((value) => (
                  <option key={value} value={value}>
                    {LICENSE_PLAN_LABEL[value]}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField label="Term start" required error={errors.termStart?.message}>
            {(field) => <Input {...field} {...register("termStart")} type="date" />}
          </FormField>
          <FormField
            label="Term end"
            required={!lifetime}
            hint={lifetime ? "A lifetime licence has no end." : "When the subscription renews or ends."}
            error={errors.termEnd?.message}
          >
            {(field) => <Input {...field} {...register("termEnd")} type="date" disabled={lifetime} />}
          </FormField>
        </div>
        <LicenceLevelFields register={register} errors={errors} />
      </fieldset>

      <RegisterEligibility control={control} />

      {error && <Alert variant="danger">{error}</Alert>}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" type="button" onClick={() => router.push("/pbxs")}>
          Cancel
        </Button>
        <Button type="submit" loading={formState.isSubmitting}>
          Register PBX
        </Button>
      </div>
    </form>
  );
}
