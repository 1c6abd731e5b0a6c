import type { TLegalEntity } from "@/lib/activations/schemas";

/** The legal entity's inputs in form order, for the activation form and the customer's profile form alike. */
export const LEGAL_ENTITY_FIELDS: { name: keyof TLegalEntity; hint?: string; type?: string; autoComplete?: string }[] =
  [
    { name: "legalName", hint: "As registered with the authorities", autoComplete: "organization" },
    { name: "vatNumber", hint: "With the country prefix, e.g. DE136695976" },
    { name: "addressLine", autoComplete: "street-address" },
    { name: "postcode", autoComplete: "postal-code" },
    { name: "city", autoComplete: "address-level2" },
    { name: "contactName", autoComplete: "name" },
    { name: "contactEmail", type: "email", autoComplete: "email" },
    { name: "contactPhone", hint: "E.164 form, e.g. +4989123456", type: "tel", autoComplete: "tel" },
  ];
