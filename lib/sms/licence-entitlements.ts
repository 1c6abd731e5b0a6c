import type { LicenseType } from "@/lib/db/generated/enums";

// R15: SMS needs a licence of Essential or higher; two-way SMS Business or higher, on numbers of a
// country that offers it (Country.twoWaySms, seed data).
const LICENCE_ORDER: readonly LicenseType[] = ["BASIC", "ESSENTIAL", "BUSINESS", "PREMIUM"];
const rank = (type: LicenseType) => LICENCE_ORDER.indexOf(type);

export const SMS_MIN_LICENCE: LicenseType = "ESSENTIAL";
export const TWO_WAY_SMS_MIN_LICENCE: LicenseType = "BUSINESS";

export interface LicenceEntitlement {
  type: LicenseType;
  users: number;
  canSendSms: boolean;
  canUseTwoWaySms: boolean;
}

/** Per licence type of a PBX (in licence order), what its users may do with SMS. */
export function smsEntitlements(
  licences: { type: LicenseType; quantity: number }[],
  hasTwoWayNumber: boolean,
): LicenceEntitlement[] {
  return [...licences]
    .sort((a, b) => rank(a.type) - rank(b.type))
    .map((licence) => ({
      type: licence.type,
      users: licence.quantity,
      canSendSms: rank(licence.type) >= rank(SMS_MIN_LICENCE),
      canUseTwoWaySms: hasTwoWayNumber && rank(licence.type) >= rank(TWO_WAY_SMS_MIN_LICENCE),
    }));
}
