import type { ComponentPropsWithRef } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { LEGAL_ENTITY_LABELS, type TLegalEntity } from "@/lib/activations/schemas";
import { LEGAL_ENTITY_FIELDS } from "./legal-entity-fields";

/** The options of a country-of-service select. */
export function CountryOptions({ countries }: { countries: { code: string; name: string }[] }) {
  return countries.map((c) => (
    <option key={c.code} value={c.code}>
      {c.name}
    </option>
  ));
}

/**
 * The legal entity's inputs, for the activation form and the customer's profile form alike, inside a
 * two-column grid. Each form wires its own registration and decides when a field's message shows.
 */
export function LegalEntityInputs({
  register,
  errorOf,
}: {
  register: (name: keyof TLegalEntity) => ComponentPropsWithRef<"input">;
  errorOf: (name: keyof TLegalEntity) => string | undefined;
}) {
  return LEGAL_ENTITY_FIELDS.map((f) => (
    <FormField
      key={f.name}
      label={LEGAL_ENTITY_LABELS[f.name]}
      hint={f.hint}
      error={errorOf(f.name)}
      required
      className={f.name === "addressLine" ? "sm:col-span-2" : undefined}
    >
      {(field) => <Input {...field} {...register(f.name)} type={f.type ?? "text"} autoComplete={f.autoComplete} />}
    </FormField>
  ));
}
