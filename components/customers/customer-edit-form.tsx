"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { updateCustomerAction } from "@/app/(portal)/customers/[id]/actions";
import { CountryOptions, LegalEntityInputs } from "@/components/activations/legal-entity-inputs";
import { PostcodeSuggestionNote, usePostcodeSuggestion } from "@/components/forms/postcode-suggestion";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import type { LegalEntityFields } from "@/lib/activations/schemas";
import { ZCustomerProfile, type TCustomerProfileInput } from "@/lib/customers/schemas";

/** The zones by their region ("Europe/Berlin" under Europe), so a long list is scanned by part. */
function TimeZoneOptions({ zones }: { zones: string[] }) {
  const regions = new Map<string, string[]>();
  for (const zone of zones) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    regions.set(region, [...(regions.get(region) ?? []), zone]);
  }
  return [...regions].map(([region, names]) => (
    <optgroup key={region} label={region}>
      {names.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </optgroup>
  ));
}

/**
 * A customer's details: name, country of service, time zone and legal entity, in one form checked by
 * the server's own schema. The VAT number's and the postcode's hints follow the chosen country.
 */
export function CustomerEditForm({
  customer,
  countries,
  partnerTimeZone,
  timeZones,
}: {
  customer: {
    id: string;
    name: string;
    countryCode: string;
    timeZone: string | null;
    legalEntity: LegalEntityFields | null;
  };
  countries: { code: string; name: string }[];
  partnerTimeZone: string;
  timeZones: string[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const legalEntity = customer.legalEntity;
  const defaults: TCustomerProfileInput = {
    name: customer.name,
    countryCode: customer.countryCode,
    // Empty: the partner's zone, which the first option names.
    timeZone: customer.timeZone ?? "",
    legalName: legalEntity?.legalName ?? "",
    vatNumber: legalEntity?.vatNumber ?? "",
    addressLine: legalEntity?.addressLine ?? "",
    postcode: legalEntity?.postcode ?? "",
    city: legalEntity?.city ?? "",
    contactName: legalEntity?.contactName ?? "",
    contactEmail: legalEntity?.contactEmail ?? "",
    contactPhone: legalEntity?.contactPhone ?? "",
  };
  // `raw`: the values go to the server as typed, where the same schema checks them again.
  const form = useForm<TCustomerProfileInput>({
    resolver: zodResolver(ZCustomerProfile, undefined, { raw: true }),
    defaultValues: defaults,
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const [countryCode, postcode, city] = useWatch({ control: form.control, name: ["countryCode", "postcode", "city"] });
  const suggestion = usePostcodeSuggestion({ countryCode, postcode: postcode ?? "", city: city ?? "" });
  // The VAT number and postcode are checked by the country: once messages show, a new country re-checks them.
  const { isSubmitted } = formState;
  const { trigger } = form;
  useEffect(() => {
    if (isSubmitted) void trigger(["vatNumber", "postcode"]);
  }, [countryCode, isSubmitted, trigger]);

  return (
    <form
      noValidate
      aria-label={`Details of ${customer.name}`}
      className="space-y-5"
      onSubmit={form.handleSubmit(async (values) => {
        setError(null);
        const result = await updateCustomerAction({ customerId: customer.id, ...values });
        if (!result.ok) {
          for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
            form.setError(field as Path<TCustomerProfileInput>, { message: messages[0] });
          setError(result.error);
          return;
        }
        toast({
          title: result.data.changed.length ? "Customer saved" : "Nothing to save: no field changed",
          variant: result.data.changed.length ? "success" : "info",
        });
        router.refresh();
      })}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Name" required error={errors.name?.message} hint="How you and the portal call this customer">
          {(field) => <Input {...field} {...register("name")} autoComplete="off" maxLength={200} />}
        </FormField>
        <FormField label="Country of service" required error={errors.countryCode?.message}>
          {(field) => (
            <Select {...field} {...register("countryCode")}>
              <CountryOptions countries={countries} />
            </Select>
          )}
        </FormField>
        <FormField
          label="Time zone"
          error={errors.timeZone?.message}
          hint="Where the customer's office is; its times are shown in this zone"
          className="sm:col-span-2"
        >
          {(field) => (
            <Select {...field} {...register("timeZone")}>
              <option value="">Same as yours: {partnerTimeZone.replaceAll("_", " ")}</option>
              <TimeZoneOptions zones={timeZones} />
            </Select>
          )}
        </FormField>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold text-foreground">Legal entity and contact</legend>
        <p className="text-sm text-muted-foreground">
          All fields or none: the next activation request for this customer starts from them, checked as the activation
          form checks them.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <LegalEntityInputs
            register={register}
            errorOf={(name) => errors[name]?.message}
            countryCode={countryCode}
            afterCity={
              <PostcodeSuggestionNote
                postcode={postcode ?? ""}
                suggestion={suggestion}
                onUseCity={(next) => form.setValue("city", next, { shouldDirty: true, shouldValidate: true })}
              />
            }
          />
        </div>
      </fieldset>
      {error && <Alert variant="danger">{error}</Alert>}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" loading={formState.isSubmitting}>
          Save customer
        </Button>
        {formState.isDirty && (
          <Button type="button" variant="ghost" onClick={() => form.reset(defaults)}>
            Undo changes
          </Button>
        )}
      </div>
    </form>
  );
}
