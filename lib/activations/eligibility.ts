import type { LicensePlan, PbxLicensing } from "@/lib/db/generated/enums";

// R1: the minimum PBX software version, compared numerically part by part ("5.03.20210826.1").
export const MINIMUM_PBX_VERSION = "5.0";

// Dot-separated numbers only: "5a.1" or "5.0-beta" cannot be compared, so they are refused, not guessed at.
const VERSION_FORMAT = /^\d{1,9}(\.\d{1,9}){0,5}$/;

export function isReadableVersion(version: string): boolean {
  return VERSION_FORMAT.test(version.trim());
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`; both must be readable. */
export function compareVersions(a: string, b: string): number {
  const pa = a.trim().split(".").map(Number);
  const pb = b.trim().split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export type IneligibilityReason =
  | "NOT_PER_USER"
  | "LIFETIME_LICENSE"
  | "SOFTWARE_VERSION_UNREADABLE"
  | "SOFTWARE_TOO_OLD"
  | "NO_USER_LICENSES"
  | "ALREADY_ACTIVE"
  | "REQUEST_OPEN"
  | "TERM_EXPIRED";

export const INELIGIBILITY_MESSAGE: Record<IneligibilityReason, string> = {
  NOT_PER_USER:
    "This PBX is licensed per system (simultaneous calls). CLASSOUND is priced per user: it needs a per-user license.",
  LIFETIME_LICENSE:
    "This PBX has a lifetime license. CLASSOUND needs a per-user license with a monthly, yearly or 5-year subscription.",
  SOFTWARE_VERSION_UNREADABLE:
    "The PBX reports a software version that is not a release number (like 5.03.20210826.1). Update the PBX to a release of 5.0 or later.",
  SOFTWARE_TOO_OLD: `The PBX software is older than version ${MINIMUM_PBX_VERSION}. Update the PBX, then activate CLASSOUND.`,
  NO_USER_LICENSES: "The PBX has no user licenses. CLASSOUND is priced per user: add user licenses to the PBX first.",
  ALREADY_ACTIVE: "CLASSOUND is already active on this PBX.",
  REQUEST_OPEN: "An activation request for this PBX is already open.",
  TERM_EXPIRED: "The PBX subscription has expired. Renew it, then activate CLASSOUND.",
};

export interface EligibilityInput {
  licensePlan: LicensePlan;
  licensing: PbxLicensing;
  softwareVersion: string;
  termExpiry: Date | null;
  /** All user licenses of the PBX (Basic + Essential + Business + Premium), R4. */
  userLicenses: number;
  hasActiveService: boolean;
  hasOpenRequest: boolean;
}

/** Every reason (R1) this PBX cannot be activated now; empty when it can. The one source of R1. */
export function ineligibilityReasons(pbx: EligibilityInput, now = new Date()): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  if (pbx.licensing !== "PER_USER") reasons.push("NOT_PER_USER");
  if (pbx.licensePlan === "LIFETIME") reasons.push("LIFETIME_LICENSE");
  if (!isReadableVersion(pbx.softwareVersion)) reasons.push("SOFTWARE_VERSION_UNREADABLE");
  else if (compareVersions(pbx.softwareVersion, MINIMUM_PBX_VERSION) < 0) reasons.push("SOFTWARE_TOO_OLD");
  if (pbx.userLicenses <= 0) reasons.push("NO_USER_LICENSES");
  if (pbx.licensePlan !== "LIFETIME" && (!pbx.termExpiry || pbx.termExpiry <= now)) reasons.push("TERM_EXPIRED");
  if (pbx.hasActiveService) reasons.push("ALREADY_ACTIVE");
  if (pbx.hasOpenRequest) reasons.push("REQUEST_OPEN");
  return reasons;
}

/** The Prisma `include` that loads what `pbxIneligibilityReasons` needs. */
export const ELIGIBILITY_INCLUDE = {
  licenses: { select: { quantity: true } },
  service: { select: { status: true } },
} as const;

/**
 * The same, for a PBX loaded with ELIGIBILITY_INCLUDE. `openRequests` are the PBX's open requests
 * other than the one being decided (an approval passes none: its own request is open by definition).
 */
export function pbxIneligibilityReasons(
  pbx: Pick<EligibilityInput, "licensePlan" | "licensing" | "softwareVersion" | "termExpiry"> & {
    licenses: { quantity: number }[];
    service: { status: string } | null;
  },
  openRequests: number,
  now = new Date(),
): IneligibilityReason[] {
  return ineligibilityReasons(
    {
      ...pbx,
      userLicenses: pbx.licenses.reduce((sum, l) => sum + l.quantity, 0),
      hasActiveService: pbx.service?.status === "ACTIVE",
      hasOpenRequest: openRequests > 0,
    },
    now,
  );
}
