import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";

export interface PbxRow {
  id: string;
  serial: string;
  name: string;
  customerName: string;
  partnerName: string;
  licensePlan: string;
  termExpiry: Date | null;
  softwareVersion: string;
  userCount: number;
  serviceStatus: string | null;
}

/** The PBXs the actor may see, with what a list needs. */
export async function listPbxs(db: Db, actor: Actor): Promise<PbxRow[]> {
  assertCan(actor, "pbx.view");
  const pbxs = await db.pbx.findMany({
    where: scope.pbxs(actor),
    orderBy: [{ customer: { name: "asc" } }, { name: "asc" }],
    select: {
      id: true,
      serial: true,
      name: true,
      licensePlan: true,
      termExpiry: true,
      softwareVersion: true,
      customer: { select: { name: true, partner: { select: { name: true } } } },
      licenses: { select: { quantity: true } },
      service: { select: { status: true } },
    },
  });
  return pbxs.map((pbx) => ({
    id: pbx.id,
    serial: pbx.serial,
    name: pbx.name,
    customerName: pbx.customer.name,
    partnerName: pbx.customer.partner.name,
    licensePlan: pbx.licensePlan,
    termExpiry: pbx.termExpiry,
    softwareVersion: pbx.softwareVersion,
    userCount: pbx.licenses.reduce((sum, l) => sum + l.quantity, 0),
    serviceStatus: pbx.service?.status ?? null,
  }));
}
