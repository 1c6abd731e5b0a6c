import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listTickets } from "./queries";

const PBX_PANEL_TICKETS = 500;

/**
 * The PBX page's support panel: its tickets, and where its emergency service stands (R13: calls are
 * answered 503 until support configures it).
 */
export async function pbxTicketsOverview(db: Db, actor: Actor, pbxId: string) {
  assertCan(actor, "tickets.use");
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: pbxId }] },
    select: { id: true, service: { select: { status: true, emergencyConfiguredAt: true } } },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
  // One PBX's tickets are few: the panel lists them on one page, as many as the ticket list once held.
  const { tickets } = await listTickets(db, actor, { pbxId: pbx.id, pageSize: PBX_PANEL_TICKETS });
  const pendingEmergency =
    tickets.find((t) => t.category === "EMERGENCY_SERVICE" && t.status !== "CLOSED" && t.status !== "RESOLVED") ?? null;
  return {
    tickets: tickets.toReversed(),
    hasService: !!pbx.service,
    emergencyConfiguredAt: pbx.service?.emergencyConfiguredAt ?? null,
    pendingEmergencyTicketId: pendingEmergency?.id ?? null,
  };
}
