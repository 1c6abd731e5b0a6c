import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { pbxIneligibilityReasons } from "@/lib/activations/eligibility";
import { OPEN_STATUSES } from "@/lib/activations/transitions";

export interface PbxRow {
  id: string;
  serial: string;
  name: string;
  customerId: string;
  customerName: string;
  partnerName: string;
  licensePlan: string;
  termExpiry: Date | null;
  softwareVersion: string;
  userCount: number;
  serviceStatus: string | null;
  /** What a list may offer: activate, follow the open request, or say it cannot be activated (the PBX page says why). */
  activation: "ACTIVE" | "OPEN_REQUEST" | "BLOCKED" | "AVAILABLE";
}

/** The PBXs the actor may see, with what a list needs. */
export async function listPbxs(db: Db, actor: Actor, now = new Date()): Promise<PbxRow[]> {
  assertCan(actor, "pbx.view");
  const pbxs = await db.pbx.findMany({
    where: scope.pbxs(actor),
    orderBy: [{ customer: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      serial: true,
      name: true,
      licensePlan: true,
      licensing: true,
      termExpiry: true,
      softwareVersion: true,
      customer: { select: { id: true, name: true, partner: { select: { name: true } } } },
      licenses: { select: { quantity: true } },
      service: { select: { status: true } },
      _count: { select: { activationRequests: { where: { status: { in: [...OPEN_STATUSES] } } } } },
    },
  });
  return pbxs.map((pbx) => {
    const openRequests = pbx._count.activationRequests;
    const reasons = pbxIneligibilityReasons(pbx, openRequests, now);
    return {
      id: pbx.id,
      serial: pbx.serial,
      name: pbx.name,
      customerId: pbx.customer.id,
      customerName: pbx.customer.name,
      partnerName: pbx.customer.partner.name,
      licensePlan: pbx.licensePlan,
      termExpiry: pbx.termExpiry,
      softwareVersion: pbx.softwareVersion,
      userCount: pbx.licenses.reduce((sum, l) => sum + l.quantity, 0),
      serviceStatus: pbx.service?.status ?? null,
      activation:
        pbx.service?.status === "ACTIVE"
          ? "ACTIVE"
          : openRequests > 0
            ? "OPEN_REQUEST"
            : reasons.length
              ? "BLOCKED"
              : "AVAILABLE",
    };
  });
}
