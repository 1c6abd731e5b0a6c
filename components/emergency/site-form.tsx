"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { SiteFormOptions } from "@/lib/emergency/form-options";
import { PostcodeSuggestionNote, usePostcodeSuggestion } from "@/components/forms/postcode-suggestion";
import { postcodeHint } from "@/lib/validation/postcode";
import { DISPATCHABLE_COUNTRIES, ZSite, type TSite, type TSiteForm } from "@/lib/emergency/validation/site-schema";
import type { ActionResult } from "@/lib/http/action-result";

export const EMPTY_SITE: TSiteForm = {
  name: "",
  street: "",
  houseNumber: "",
  postcode: "",
  city: "",
  region: "",
  countryCode: "",
  building: "",
  floor: "",
  room: "",
  latitude: "",
  longitude: "",
  callbackNumber: "",
};

/** The site form: the same schema as the server, the postcode format of the chosen country as a hint, and the city (and US state) the postcode names. */
export function SiteForm({
  defaultValues,
  countries,
  onSubmit,
  onDone,
  cancel,
}: {
  defaultValues: TSiteForm;
  countries: SiteFormOptions["countries"];
  onSubmit: (site: TSite) => Promise<ActionResult<unknown>>;
  onDone: () => void;
  cancel: React.ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<TSiteForm, unknown, TSite>({ resolver: zodResolver(ZSite), defaultValues });
  const { register, formState, control, setValue } = form;
  const errors = formState.errors;
  const [countryCode, postcode, city, region] = useWatch({
    control,
    name: ["countryCode", "postcode", "city", "region"],
  });
  const suggestion = usePostcodeSuggestion({ countryCode, postcode, city, region });
  const dispatchable = DISPATCHABLE_COUNTRIES.includes(countryCode);

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(async (site) => {
        setError(null);
        const result = await onSubmit(site);
        if (!result.ok) {
          for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
            form.setError(field.replace(/^site\./, "") as Path<TSiteForm>, { message: messages[0] });
          setError(result.error);
          return;
        }
        onDone();
      })}
    >
      <FormField
        label="Site name"
        required
        error={errors.name?.message}
        hint="How people know it, e.g. “Milan HQ, floor 3”."
      >
        {(field) => <Input {...field} {...register("name")} maxLength={120} />}
      </FormField>
      <FormField label="Country" required error={errors.countryCode?.message}>
        {(field) => (
          <Select {...field} {...register("countryCode")}>
            <option value="" disabled>
              Choose the country
            </option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_8rem]">
        <FormField label="Street" required error={errors.street?.message}>
          {(field) => <Input {...field} {...register("street")} autoComplete="address-line1" maxLength={200} />}
        </FormField>
        <FormField label="House number" required error={errors.houseNumber?.message}>
          {(field) => <Input {...field} {...register("houseNumber")} maxLength={20} />}
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          label="Postcode"
          required
          error={errors.postcode?.message}
          hint={countryCode ? `Format: ${postcodeHint(countryCode)}` : "Choose the country first"}
        >
          {(field) => <Input {...field} {...register("postcode")} autoComplete="postal-code" maxLength={12} />}
        </FormField>
        <FormField label="City" required error={errors.city?.message}>
          {(field) => <Input {...field} {...register("city")} autoComplete="address-level2" maxLength={100} />}
        </FormField>
      </div>
      <PostcodeSuggestionNote
        postcode={postcode ?? ""}
        suggestion={suggestion}
        onUseCity={(next) => setValue("city", next, { shouldValidate: true })}
        onUseRegion={(next) => setValue("region", next, { shouldValidate: true })}
      />
      <FormField
        label={dispatchable ? (countryCode === "US" ? "State" : "Province") : "Region"}
        required={dispatchable}
        error={errors.region?.message}
        hint={
          dispatchable
            ? "E911: the two-letter code, e.g. MA, or the name."
            : "State, province or county, where the address has one."
        }
      >
        {(field) => <Input {...field} {...register("region")} maxLength={100} />}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label="Building" error={errors.building?.message}>
          {(field) => <Input {...field} {...register("building")} maxLength={60} />}
        </FormField>
        <FormField
          label="Floor"
          error={errors.floor?.message}
          hint={dispatchable ? "E911: the floor, or the room or suite." : undefined}
        >
          {(field) => <Input {...field} {...register("floor")} maxLength={20} />}
        </FormField>
        <FormField label="Room or suite" error={errors.room?.message}>
          {(field) => <Input {...field} {...register("room")} maxLength={40} />}
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Latitude" error={errors.latitude?.message} hint="Decimal degrees, e.g. 45.466944">
          {(field) => <Input {...field} {...register("latitude")} inputMode="decimal" maxLength={12} />}
        </FormField>
        <FormField label="Longitude" error={errors.longitude?.message} hint="Decimal degrees, e.g. 9.185556">
          {(field) => <Input {...field} {...register("longitude")} inputMode="decimal" maxLength={12} />}
        </FormField>
      </div>
      <FormField
        label="Callback number"
        required={dispatchable}
        error={errors.callbackNumber?.message}
        hint={
          dispatchable
            ? "E911: the number the answering point calls back, in E.164."
            : "Optional outside the US and Canada, in E.164."
        }
      >
        {(field) => <Input {...field} {...register("callbackNumber")} inputMode="tel" maxLength={16} />}
      </FormField>
      {error && <Alert variant="danger">{error}</Alert>}
      <DialogFooter>
        {cancel}
        <Button type="submit" loading={formState.isSubmitting}>
          Save site
        </Button>
      </DialogFooter>
    </form>
  );
}
