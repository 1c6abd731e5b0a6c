import type { AgreementStatus, Role } from "@/lib/db/generated/enums";

/** Who is acting: what every domain function receives and every policy decision is made on. */
export interface Actor {
  userId: string;
  role: Role;
  /** Set for PARTNER users. */
  partnerId: string | null;
  /** Set for END_USER users. */
  customerId: string | null;
  /** A PARTNER user who manages the partner's users and its customers' end users. */
  isPartnerAdmin: boolean;
  /**
   * R9: the partner's agreement (the partner's own, or an end user's customer's partner) is not
   * active: its data is read-only (`assertCanChange` refuses every change). Absent means active.
   */
  agreementSuspended?: boolean;
  /**
   * Set when a partner API key acts (issue 34): `userId` is then the key's creator, for the columns
   * that name a person, and the key is what acted.
   */
  apiKey?: { id: string; name: string };
  name: string;
  email: string;
}

export function actorFromUser(user: {
  id: string;
  role: Role;
  partnerId: string | null;
  customerId: string | null;
  isPartnerAdmin: boolean;
  name: string;
  email: string;
  /** The agreement of the partner the user belongs to, directly or through its customer. */
  agreementStatus?: AgreementStatus | null;
}): Actor {
  return {
    userId: user.id,
    role: user.role,
    partnerId: user.partnerId,
    customerId: user.customerId,
    isPartnerAdmin: user.role === "PARTNER" && user.isPartnerAdmin,
    agreementSuspended: user.agreementStatus != null && user.agreementStatus !== "ACTIVE",
    name: user.name,
    email: user.email,
  };
}
