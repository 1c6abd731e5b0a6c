"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import type { Role } from "@/lib/db/generated/enums";
import type { UserFormOptions } from "@/lib/users/queries";
import { ROLE_LABEL } from "./labels";

type Field = "role" | "isPartnerAdmin" | "partnerId" | "customerId";
const FIELDS: Field[] = ["role", "isPartnerAdmin", "partnerId", "customerId"];

/** The registrations and messages of the access fields, from any react-hook-form form that has them. */
export function accessFieldProps(
  register: (name: Field) => UseFormRegisterReturn,
  errors: Partial<Record<Field, { message?: string }>>,
) {
  return {
    fields: Object.fromEntries(FIELDS.map((f) => [f, register(f)])) as Record<Field, UseFormRegisterReturn>,
    errors: Object.fromEntries(FIELDS.map((f) => [f, errors[f]?.message])) as Partial<Record<Field, string>>,
  };
}

/**
 * Role and tenant of an account, shared by the create and change-role forms. Only what the actor
 * may grant is offered; the server checks it again.
 */
export function AccessFields({
  role,
  options,
  fields,
  errors,
}: {
  role: Role | undefined;
  options: UserFormOptions;
  fields: Record<Field, UseFormRegisterReturn>;
  errors: Partial<Record<Field, string>>;
}) {
  const roles: Role[] = options.canGrantAdmin ? ["ADMIN", "PARTNER", "END_USER"] : ["PARTNER", "END_USER"];
  const byPartner = new Map<string, UserFormOptions["customers"]>();
  for (const customer of options.customers)
    byPartner.set(customer.partnerName, [...(byPartner.get(customer.partnerName) ?? []), customer]);
  return (
    <>
      <FormField label="Role" required error={errors.role}>
        {(field) => (
          <Select {...field} {...fields.role}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {role === "PARTNER" && (
        <>
          <FormField label="Partner" required error={errors.partnerId}>
            {(field) => (
              <Select {...field} {...fields.partnerId}>
                <option value="">Choose a partner…</option>
                {options.partners.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <Checkbox
            label="Partner admin"
            hint="Manages the partner's users and its customers' end users."
            error={errors.isPartnerAdmin}
            {...fields.isPartnerAdmin}
          />
        </>
      )}
      {role === "END_USER" && (
        <FormField
          label="Customer"
          required
          error={errors.customerId}
          hint="End users see the statistics of their company's PBXs."
        >
          {(field) => (
            <Select {...field} {...fields.customerId}>
              <option value="">Choose a customer…</option>
              {[...byPartner].map(([partnerName, customers]) =>
                options.partners.length > 1 ? (
                  <optgroup key={partnerName} label={partnerName}>
                    {customers.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                ) : (
                  customers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))
                ),
              )}
            </Select>
          )}
        </FormField>
      )}
    </>
  );
}
