import { z } from "zod";
import { API_SCOPES, type ApiScope } from "./scopes";

const SCOPE_SET: ReadonlySet<string> = new Set(API_SCOPES);

/** A partner key as the form and the server parse it. `expiresOn` is a day ("" = until revoked). */
export const ZNewPartnerKey = z.object({
  name: z.string().trim().min(1, "Name the key, e.g. after the system that uses it.").max(60),
  scopes: z
    .array(z.string().refine((scope) => SCOPE_SET.has(scope), "Not a known scope."))
    .min(1, "Choose at least one scope.")
    .max(API_SCOPES.length)
    .transform((scopes) => [...new Set(scopes)] as ApiScope[]),
  expiresOn: z
    .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD.")])
    .optional(),
});
export type TNewPartnerKey = z.input<typeof ZNewPartnerKey>;

export const ZRevokePartnerKey = z.object({ keyId: z.string().min(1).max(64) });
