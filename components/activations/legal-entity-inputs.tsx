import { Fragment, type ComponentPropsWithRef, type ReactNode } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { LEGAL_ENTITY_LABELS, type TLegalEntity } from "@/lib/activations/schemas";
import { postcodeHint } from "@/lib/validation/postcode";
import { taxNumberHint } from "@/lib/validation/vat";
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
 * The VAT number's and the postcode's hints are the chosen country's; `afterCity` is the place for
 * the postcode's city suggestion.
 */
export function LegalEntityInputs({
  register,
  errorOf,
  countryCode,
  afterCity,
}: {
  register: (name: keyof TLegalEntity) => ComponentPropsWithRef<"input">;
  errorOf: (name: keyof TLegalEntity) => string | undefined;
  countryCode?: string;
  afterCity?: ReactNode;
}) {
  const hintOf = (name: keyof TLegalEntity, fallback?: string) => {
    if (!countryCode) return fallback;
    if (name === "vatNumber") return taxNumberHint(countryCode);
    if (name === "postcode") return postcodeHint(countryCode);
    return fallback;
  };
  return LEGAL_ENTITY_FIELDS.map((f) => (
    <Fragment key={f.name}>
      <FormField
        label={LEGAL_ENTITY_LABELS[f.name]}
        hint={hintOf(f.name, f.hint)}
        error={errorOf(f.name)}
        required
        className={f.name === "addressLine" ? "sm:col-span-2" : undefined}
      >
        {(field) => <Input {...field} {...register(f.name)} type={f.type ?? "text"} autoComplete={f.autoComplete} />}
      </FormField>
      {f.name === "city" && afterCity}
    </Fragment>
  ));
}
