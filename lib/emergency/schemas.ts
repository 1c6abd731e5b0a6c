import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { ZSite } from "./validation/site-schema";

export const EMERGENCY_STATUSES = ["NO_LOCATION", "PENDING", "ACTIVE", "CHANGES_REQUIRED"] as const;

/** A bulk assignment is one form post; a larger set goes through the CSV import. */
export const BULK_ASSIGN_MAX = 500;

export const ZCreateSite = z.object({ customerId: ZId, site: ZSite });
export const ZUpdateSite = z.object({ siteId: ZId, site: ZSite });
export const ZAssignSite = z.object({
  siteId: ZId,
  numberIds: z
    .array(ZId)
    .min(1, "Choose at least one number")
    .max(BULK_ASSIGN_MAX, `At most ${BULK_ASSIGN_MAX} numbers at once`),
});
export const ZRegisterNumbers = z
  .object({
    numberIds: z.array(ZId).min(1, "Choose at least one number").max(BULK_ASSIGN_MAX),
    decision: z.enum(["ACTIVE", "CHANGES_REQUIRED"]),
    reason: z.string().trim().max(1000).optional(),
  })
  .refine((input) => input.decision === "ACTIVE" || (input.reason ?? "").length >= 5, {
    path: ["reason"],
    message: "Tell the partner what must change (at least 5 characters)",
  });
export type TRegisterNumbers = z.input<typeof ZRegisterNumbers>;
