"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { onboardPartnerAction } from "@/app/(portal)/admin/partners/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ZOnboardPartner, type TOnboardPartner } from "@/lib/partners/schemas";
import { taxNumberHint } from "@/lib/validation/vat";
import { keepIssuedLink } from "./issued-link";
import { TimeZoneOptions } from "./time-zone-options";

type Values = z.input<typeof ZOnboardPartner>;

const DEFAULTS: Values = {
  name: "",
  countryCode: "",
  vatNumber: "",
  billingEmail: "",
  timeZone: "",
  tierId: "",
  adminName: "",
  adminEmail: "",
};

/**
 * The partner company and its first partner admin, checked by the schema the server checks with;
 * every field's message beside it, the server's included (an e-mail taken since, say). On success
 * the partner's page opens with the admin's one-time link.
 */
export function OnboardPartnerForm({
  countries,
  tiers,
  timeZones,
}: {
  countries: { code: string; name: string }[];
  tiers: { id: string; name: string }[];
  timeZones: string[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values, unknown, TOnboardPartner>({
    resolver: zodResolver(ZOnboardPartner),
    defaultValues: DEFAULTS,
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const countryCode = useWatch({ control: form.control, name: "countryCode" });

  return (
    <form
      noValidate
      className="max-w-3xl space-y-6"
      onSubmit={form.handleSubmit(async (values) => {
        setError(null);
        const result = await onboardPartnerAction(values);
        if (!result.ok) {
          for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
            form.setError(field as keyof Values, { message: messages[0] });
          return setError(result.error);
        }
        const { partnerId, adminEmail, link, expiresAt } = result.data;
        keepIssuedLink(partnerId, { email: adminEmail, link, expiresAt: new Date(expiresAt) });
        router.push(`/admin/partners/${partnerId}`);
      })}
    >
      <Card aria-labelledby="company-title">
        <CardHeader>
          <div>
            <CardTitle id="company-title">Company</CardTitle>
            <CardDescription>As on the partner agreement and its invoices.</CardDescription>
          </div>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField label="Legal name" required error={errors.name?.message} className="sm:col-span-2">
            {(field) => <Input {...field} {...register("name")} autoComplete="organization" maxLength={200} />}
          </FormField>
          <FormField label="Country" required error={errors.countryCode?.message}>
            {(field) => (
              <Select {...field} {...register("countryCode")}>
                <option value="">Choose a country</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <FormField
            label="VAT number"
            required
            hint={
              countryCode
                ? taxNumberHint(countryCode)
                : "Choose the country first: the number is checked by its format."
            }
            error={errors.vatNumber?.message}
          >
            {(field) => <Input {...field} {...register("vatNumber")} autoComplete="off" maxLength={40} />}
          </FormField>
          <FormField label="Billing e-mail" required error={errors.billingEmail?.message}>
            {(field) => (
              <Input {...field} {...register("billingEmail")} type="email" autoComplete="off" maxLength={254} />
            )}
          </FormField>
          <FormField
            label="Time zone"
            required
            hint="The partner's calendar: its months, invoices and prorated days."
            error={errors.timeZone?.message}
          >
            {(field) => (
              <Select {...field} {...register("timeZone")}>
                <option value="">Choose a time zone</option>
                <TimeZoneOptions zones={timeZones} />
              </Select>
            )}
          </FormField>
          <FormField
            label="Price-list tier"
            required
            hint="The prices the partner buys at. Later changes take effect from a date."
            error={errors.tierId?.message}
          >
            {(field) => (
              <Select {...field} {...register("tierId")}>
                <option value="">Choose a tier</option>
                {tiers.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        </CardContent>
      </Card>

      <Card aria-labelledby="admin-title">
        <CardHeader>
          <div>
            <CardTitle id="admin-title">Partner admin</CardTitle>
            <CardDescription>
              Manages the partner&apos;s colleagues and customers&apos; users. We e-mail them a one-time link to choose
              a password.
            </CardDescription>
          </div>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField label="Partner admin's name" required error={errors.adminName?.message}>
            {(field) => <Input {...field} {...register("adminName")} autoComplete="off" maxLength={120} />}
          </FormField>
          <FormField label="Partner admin's e-mail" required error={errors.adminEmail?.message}>
            {(field) => (
              <Input {...field} {...register("adminEmail")} type="email" autoComplete="off" maxLength={254} />
            )}
          </FormField>
        </CardContent>
      </Card>

      {error && <Alert variant="danger">{error}</Alert>}
      <Button type="submit" loading={formState.isSubmitting}>
        Onboard partner
      </Button>
    </form>
  );
}
