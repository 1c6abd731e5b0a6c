import type { Role } from "@/lib/db/generated/enums";

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Operator admin",
  PARTNER: "Partner user",
  END_USER: "End user",
};

export function accessLabel(user: { role: Role; isPartnerAdmin: boolean }) {
  return user.role === "PARTNER" && user.isPartnerAdmin ? "Partner admin" : ROLE_LABEL[user.role];
}
