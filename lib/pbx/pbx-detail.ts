import type { Actor } from "@/lib/auth/actor";
import { assertCan, can, canChange, scope, visiblePrices } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { INELIGIBILITY_MESSAGE, pbxIneligibilityReasons } from "@/lib/activations/eligibility";
import { OPEN_STATUSES } from "@/lib/activations/transitions";
import { pbxQuote } from "@/lib/pricing/pbx-quote";

/**
 * Everything the PBX page shows about one PBX the actor may see: a PBX of another partner or customer
 * is NOT_FOUND, like a missing one. Requests show only to those who handle activations (partner, admin);
 * the quote and the charges are what the partner pays, so they show only where the policy's
 * `visiblePrices` includes the purchase price (as in the statistics): an end user sees End User prices only.
 */
export async function pbxDetail(db: Db, actor: Actor, input: { pbxId: string; now?: Date }) {
  assertCan(actor, "pbx.view");
  const now = input.now ?? new Date();
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: input.pbxId }] },
    include: {
      customer: { select: { id: true, name: true, countryCode: true, partner: { select: { name: true } } } },
      licenses: { orderBy: { type: "asc" }, select: { type: true, quantity: true } },
      service: {
        select: { status: true, activatedAt: true, expiresAt: true, charges: { orderBy: { createdAt: "desc" } } },
      },
    },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");

  const seesActivations = can(actor, "activation.request") || can(actor, "activation.review");
  const requests = seesActivations
    ? await db.activationRequest.findMany({
        where: { AND: [scope.activationRequests(actor), { pbxId: pbx.id }] },
        orderBy: { createdAt: "desc" },
        select: { id: true, status: true, createdAt: true, submittedAt: true, decidedAt: true, rejectionReason: true },
      })
    : [];
  const openRequest = requests.find((r) => (OPEN_STATUSES as readonly string[]).includes(r.status)) ?? null;
  const reasons = pbxIneligibilityReasons(pbx, openRequest ? 1 : 0, now);
  const prices = visiblePrices(actor);
  const seesMoney = prices.includes("purchase");
  // A quote only where it can still be ordered; once active, the charge that was raised says what it cost.
  const quote =
    seesMoney && pbx.service?.status !== "ACTIVE" ? await pbxQuote(db, actor, { pbxId: pbx.id, now }) : null;

  return {
    id: pbx.id,
    name: pbx.name,
    serial: pbx.serial,
    customer: { id: pbx.customer.id, name: pbx.customer.name, partnerName: pbx.customer.partner.name },
    licensePlan: pbx.licensePlan,
    licensing: pbx.licensing,
    licenses: pbx.licenses,
    userCount: pbx.licenses.reduce((sum, l) => sum + l.quantity, 0),
    softwareVersion: pbx.softwareVersion,
    termStart: pbx.termStart,
    termExpiry: pbx.termExpiry,
    service: pbx.service && {
      status: pbx.service.status,
      activatedAt: pbx.service.activatedAt,
      expiresAt: pbx.service.expiresAt,
    },
    charges: seesMoney
      ? (pbx.service?.charges ?? []).map((c) => ({
          id: c.id,
          description: c.description,
          amount: c.amount.toFixed(2),
          currency: c.currency,
          periodStart: c.periodStart,
          periodEnd: c.periodEnd,
          createdAt: c.createdAt,
        }))
      : [],
    requests,
    openRequest,
    canRequest: canChange(actor, "activation.request"),
    /** R9: the partner's agreement is suspended, so nothing can be started here for now. */
    readOnly: actor.agreementSuspended === true,
    reasons: reasons.filter((r) => r !== "REQUEST_OPEN" && r !== "ALREADY_ACTIVE").map((r) => INELIGIBILITY_MESSAGE[r]),
    quote,
    /** The prices money on the PBX's pages may carry for this actor. */
    prices,
  };
}
export type PbxDetail = Awaited<ReturnType<typeof pbxDetail>>;
