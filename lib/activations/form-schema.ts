import { z } from "zod";
import { ZLegalEntity } from "./schemas";

/** The activation form as submitted: the legal entity plus the country of service. */
export const ZActivationForm = ZLegalEntity.extend({
  countryCode: z.string().trim().length(2, "Choose the country of service"),
});
export type TActivationForm = z.infer<typeof ZActivationForm>;
