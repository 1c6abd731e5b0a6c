import type { Actor } from "@/lib/auth/actor";
import { assertCanChange } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { documentSlotsFor } from "./document-slots";
import { recordActivationEvent } from "./events";
import { loadActivationRequest } from "./load";
import { ZActivationDraft } from "./schemas";
import { bumpActivationVersion } from "./transition";

/**
 * Saves the form of a DRAFT as typed. Changing the country of service replaces the document slots
 * with that country's (uploads for the old country no longer apply).
 */
export async function saveActivationDraft(
  db: Db,
  actor: Actor,
  requestId: string,
  version: number,
  input: unknown,
  now = new Date(),
) {
  assertCanChange(actor, "activation.request");
  const { countryCode, ...legalEntity } = parseOrThrow(ZActivationDraft, input, "Some fields could not be saved.");
  return db.$transaction(async (tx) => {
    const request = await loadActivationRequest(tx, actor, requestId);
    if (request.status !== "DRAFT") throw new AppError("CONFLICT", "Only a draft can be edited.");
    await bumpActivationVersion(tx, request.id, version);
    if (countryCode !== request.countryCode) {
      const country = await tx.country.findUnique({ where: { code: countryCode } });
      if (!country)
        throw new AppError("INVALID", "Choose a country from the list.", {
          countryCode: ["Choose a country from the list."],
        });
      await tx.activationDocument.deleteMany({ where: { requestId: request.id } });
      await tx.activationDocument.createMany({
        data: (await documentSlotsFor(tx, request.customerId, countryCode, now)).map((slot) => ({
          ...slot,
          requestId: request.id,
        })),
      });
      await recordActivationEvent(
        tx,
        request.id,
        actor.userId,
        "country_changed",
        `Country of service changed to ${country.name}.`,
      );
    }
    const trimmed = Object.fromEntries(Object.entries(legalEntity).map(([k, v]) => [k, v?.trim() || null]));
    return tx.activationRequest.update({ where: { id: request.id }, data: { countryCode, ...trimmed } });
  });
}
