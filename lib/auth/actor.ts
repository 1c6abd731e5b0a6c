import type { Role } from "@/lib/db/generated/enums";

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
}): Actor {
  return {
    userId: user.id,
    role: user.role,
    partnerId: user.partnerId,
    customerId: user.customerId,
    isPartnerAdmin: user.role === "PARTNER" && user.isPartnerAdmin,
    name: user.name,
    email: user.email,
  };
}
