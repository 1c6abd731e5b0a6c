import type { Actor } from "@/lib/auth/actor";
import { scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import type { TAccessChange } from "./schemas";

type Tx = Pick<Db, "user" | "partner" | "customer">;

export interface VerifiedAccess {
  role: Role;
  isPartnerAdmin: boolean;
  partnerId: string | null;
  customerId: string | null;
}

const invalid = (field: string, message: string) =>
  new AppError("INVALID", "Check the highlighted fields.", { [field]: [message] });

/**
 * The role and tenant an account may be given by this actor. The ids came from the client: each is
 * looked up inside the actor's own scope, so a partner admin naming another partner's customer gets
 * the same answer as for a customer that does not exist.
 */
export async function verifiedAccess(db: Tx, actor: Actor, access: TAccessChange): Promise<VerifiedAccess> {
  if (access.role === "ADMIN") {
    if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only operator admins can grant admin access.");
    return { role: "ADMIN", isPartnerAdmin: false, partnerId: null, customerId: null };
  }
  if (access.role === "PARTNER") {
    const partner = await db.partner.findFirst({
      where: { AND: [scope.partners(actor), { id: access.partnerId! }] },
      select: { id: true },
    });
    if (!partner) throw invalid("partnerId", "This partner does not exist.");
    return { role: "PARTNER", isPartnerAdmin: access.isPartnerAdmin, partnerId: partner.id, customerId: null };
  }
  const customer = await db.customer.findFirst({
    where: { AND: [scope.customers(actor), { id: access.customerId! }] },
    select: { id: true },
  });
  if (!customer) throw invalid("customerId", "This customer does not exist.");
  return { role: "END_USER", isPartnerAdmin: false, partnerId: null, customerId: customer.id };
}

/** A user the actor may manage, or NOT_FOUND exactly as for an id that does not exist. */
export async function loadManagedUser(db: Tx, actor: Actor, userId: string) {
  const user = await db.user.findFirst({ where: { AND: [scope.users(actor), { id: userId }] } });
  if (!user) throw new AppError("NOT_FOUND", "This user does not exist.");
  return user;
}
