import { z } from "zod";
import { ZId } from "@/lib/http/ids";
import { ZSite } from "./validation/site-schema";

export const EMERGENCY_STATUSES = ["NO_LOCATION", "PENDING", "ACTIVE", "CHANGES_REQUIRED"] as const;

/** A bulk assignment is one form post; a larger set goes through the CSV import. */
export const BULK_ASSIGN_MAX = 500;

export const ZCreateSite = z.object({ customerId: ZId, site: ZSite });
export const ZUpdateSite = z.object({ siteId: ZId, site: ZSite });
/** The numbers list's filters, which "assign to all matching" sends instead of the ids. */
export const ZEmergencyNumbersMatching = z.object({
  pbxId: ZId.optional(),
  status: z.enum(EMERGENCY_STATUSES).optional(),
  q: z.string().trim().max(30).optional(),
});
export type TEmergencyNumbersMatching = z.input<typeof ZEmergencyNumbersMatching>;
export const ZAssignSite = z
  .object({
    siteId: ZId,
    numberIds: z.array(ZId).max(BULK_ASSIGN_MAX, `At most ${BULK_ASSIGN_MAX} numbers at once`).default([]),
    matching: ZEmergencyNumbersMatching.optional(),
  })
  .refine((input) => input.numberIds.length > 0 || input.matching, {
    path: ["numberIds"],
    message: "Choose at least one number",
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
