import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { notifyPartner } from "@/lib/notifications/notify";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { loadPortingRequest, portingPath } from "./load";
import { numberTypeOf } from "./numbers";
import { ZPortingStep } from "./schemas";
import { transitionPortingRequest } from "./transition";

/**
 * The port has happened: every number of the request becomes ASSIGNED to the request's PBX, as a new
 * inventory row or the row the inventory already had, in one transaction with the status change, so
 * a failure leaves the request SCHEDULED and no number half-assigned.
 */
export async function completePortingRequest(db: Db, actor: Actor, input: unknown, now = new Date()) {
  const { requestId, version } = parseOrThrow(ZPortingStep, input);
  return db.$transaction(
    async (tx) => {
      const request = await loadPortingRequest(tx, actor, requestId, {
        pbx: { select: { name: true } },
        numbers: { orderBy: { e164: "asc" } },
      });
      await transitionPortingRequest(tx, actor, request, version, "complete", {
        message: `Completed: ${request.numbers.length} number${request.numbers.length === 1 ? "" : "s"} now assigned to PBX ${request.pbx.name}.`,
        data: { completedAt: now },
        detail: { numbers: request.numbers.map((n) => n.e164) },
      });
      // Row locks, not a prior read, decide: a number another flow assigns meanwhile waits for us or wins.
      const e164s = request.numbers.map((n) => n.e164);
      const existing = await tx.$queryRaw<{ id: string; e164: string; status: string; pbxId: string | null }[]>`
      SELECT "id", "e164", "status"::text AS "status", "pbxId" FROM "PhoneNumber" WHERE "e164" = ANY(${e164s}) ORDER BY "e164" FOR UPDATE`;
      const taken = existing.filter((n) => n.status === "ASSIGNED" && n.pbxId !== request.pbxId);
      if (taken.length)
        throw new AppError(
          "CONFLICT",
          `Already assigned to another PBX, so the port cannot complete: ${taken.map((n) => n.e164).join(", ")}.`,
        );
      const byE164 = new Map(existing.map((n) => [n.e164, n.id]));
      const assigned = {
        status: "ASSIGNED" as const,
        partnerId: request.partnerId,
        pbxId: request.pbxId,
        assignedAt: now,
      };
      const ported: { e164: string; numberId: string }[] = [];
      for (const number of request.numbers) {
        const id = byE164.get(number.e164);
        const phone = id
          ? await tx.phoneNumber.update({ where: { id }, data: assigned, select: { id: true } })
          : await tx.phoneNumber.create({
              data: {
                e164: number.e164,
                countryCode: number.countryCode,
                type: numberTypeOf(number.e164),
                ...assigned,
              },
              select: { id: true },
            });
        await tx.portingRequestNumber.update({ where: { id: number.id }, data: { phoneNumberId: phone.id } });
        ported.push({ e164: number.e164, numberId: phone.id });
      }
      await notifyPartner(tx, request.partnerId, {
        title: "Porting completed",
        body: `${e164s.join(", ")} now ring on PBX ${request.pbx.name}.`,
        event: "porting",
        link: portingPath(request.id, "partner"),
      });
      const data = { id: request.id, pbxId: request.pbxId, status: "COMPLETED", numbers: ported };
      await emitWebhookEvent(
        tx,
        request.partnerId,
        "porting.completed",
        { ...data, completedAt: now.toISOString() },
        now,
      );
    },
    { timeout: 15_000 },
  );
}
