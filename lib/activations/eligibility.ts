import type { LicensePlan } from "@/lib/db/generated/enums";

// R1: the minimum PBX software version, compared numerically part by part ("5.03.20210826.1").
export const MINIMUM_PBX_VERSION = "5.0";

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split(".").map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export type IneligibilityReason = "LIFETIME_LICENSE" | "SOFTWARE_TOO_OLD" | "ALREADY_ACTIVE" | "REQUEST_OPEN" | "TERM_EXPIRED";

export const INELIGIBILITY_MESSAGE: Record<IneligibilityReason, string> = {
  LIFETIME_LICENSE: "This PBX has a lifetime license. CLASSOUND needs a per-user license with a monthly, yearly or 5-year subscription.",
  SOFTWARE_TOO_OLD: `The PBX software is older than version ${MINIMUM_PBX_VERSION}. Update the PBX, then activate CLASSOUND.`,
  ALREADY_ACTIVE: "CLASSOUND is already active on this PBX.",
  REQUEST_OPEN: "An activation request for this PBX is already open.",
  TERM_EXPIRED: "The PBX subscription has expired. Renew it, then activate CLASSOUND.",
};

export interface EligibilityInput {
  licensePlan: LicensePlan;
  softwareVersion: string;
  termExpiry: Date | null;
  hasActiveService: boolean;
  hasOpenRequest: boolean;
}

/** Every reason (R1) this PBX cannot be activated now; empty when it can. */
export function ineligibilityReasons(pbx: EligibilityInput, now = new Date()): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  if (pbx.licensePlan === "LIFETIME") reasons.push("LIFETIME_LICENSE");
  if (compareVersions(pbx.softwareVersion, MINIMUM_PBX_VERSION) < 0) reasons.push("SOFTWARE_TOO_OLD");
  if (pbx.licensePlan !== "LIFETIME" && (!pbx.termExpiry || pbx.termExpiry <= now)) reasons.push("TERM_EXPIRED");
  if (pbx.hasActiveService) reasons.push("ALREADY_ACTIVE");
  if (pbx.hasOpenRequest) reasons.push("REQUEST_OPEN");
  return reasons;
}

/** The same, for a PBX loaded with its service and its open requests. */
export function pbxIneligibilityReasons(
  pbx: Omit<EligibilityInput, "hasActiveService" | "hasOpenRequest"> & { service: { status: string } | null; activationRequests: unknown[] },
  now = new Date(),
): IneligibilityReason[] {
  return ineligibilityReasons(
    { ...pbx, hasActiveService: pbx.service?.status === "ACTIVE", hasOpenRequest: pbx.activationRequests.length > 0 },
    now,
  );
}
