import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { assertCallerIdAllowed } from "@/lib/emergency/gate";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZDefaultCaller } from "./schemas";

/**
 * R11: the PBX's default caller number, chosen among its own numbers (or none). The number must be
 * one the PBX holds now; the composite foreign key refuses anything else even if this check were
 * bypassed.
 */
export async function setDefaultCallerNumber(db: Db, actor: Actor, raw: { pbxId: string; numberId: string | null }) {
  assertCanChange(actor, "numbers.manage");
  const input = parseOrThrow(ZDefaultCaller, raw);
  return db.$transaction(async (tx) => {
    const pbx = await tx.pbx.findFirst({
      where: { AND: [scope.pbxs(actor), { id: input.pbxId }] },
      select: { id: true, service: { select: { id: true } } },
    });
    if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");
    if (!pbx.service) throw new AppError("CONFLICT", "CLASSOUND is not active on this PBX.");
    let e164: string | null = null;
    if (input.numberId) {
      const number = await tx.phoneNumber.findFirst({
        where: {
          AND: [
            scope.phoneNumbers(actor),
            { id: input.numberId, pbxId: pbx.id, status: "ASSIGNED", type: { not: "FREEPHONE" } },
          ],
        },
        select: { e164: true },
      });
      if (!number)
        throw new AppError("INVALID", "Choose one of this PBX's own numbers.", {
          numberId: ["Choose one of this PBX's own numbers."],
        });
      e164 = number.e164;
      // R11 + R13: an EU or US number becomes a caller ID only once its emergency location is entered.
      await assertCallerIdAllowed(tx, input.numberId);
      await tx.phoneNumberEvent.create({
        data: {
          phoneNumberId: input.numberId,
          kind: "DEFAULT_CALLER_SET",
          actorId: actor.userId,
          partnerId: actor.partnerId,
          pbxId: pbx.id,
        },
      });
    }
    await tx.classoundService.update({
      where: { id: pbx.service.id },
      data: { defaultCallerNumberId: input.numberId },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "numbers.default_caller_set",
      entityType: "Pbx",
      entityId: pbx.id,
      detail: { e164 },
    });
    return { e164 };
  });
}
