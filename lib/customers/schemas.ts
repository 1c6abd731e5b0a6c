import { z } from "zod";
import { ZActivationForm } from "@/lib/activations/form-schema";
import { ZId } from "@/lib/http/ids";

// The customer's legal entity is its compliance profile's source: it is checked by the very schema
// the activation form uses, so a profile edited here passes that form unchanged.
export const ZNewCustomer = z.object({
  name: z.string().trim().min(2, "Name is required").max(200, "Name is at most 200 characters"),
  countryCode: z.string().trim().length(2, "Choose the country of service"),
});
export type TNewCustomer = z.infer<typeof ZNewCustomer>;

export const ZCustomerLegalEntity = z.object({ customerId: ZId, values: ZActivationForm });
export type TCustomerLegalEntity = z.infer<typeof ZCustomerLegalEntity>;
