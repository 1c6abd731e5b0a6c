import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZCountrySettings } from "./schemas";

/**
 * Whether partners can start CLASSOUND requests for customers in the country. Turning it off also
 * holds back the submission of open drafts there (the pre-check refuses them).
 */
export async function setCountryActivationEnabled(db: Db, actor: Actor, code: string, input: unknown) {
  assertCan(actor, "catalogue.manage");
  const { activationEnabled } = parseOrThrow(ZCountrySettings, input);
  return db.$transaction(async (tx) => {
    const before = await tx.country.findUnique({
      where: { code: code.toUpperCase() },
      select: { code: true, activationEnabled: true },
    });
    if (!before) throw new AppError("NOT_FOUND", "This country does not exist.");
    const country = await tx.country.update({ where: { code: before.code }, data: { activationEnabled } });
    if (before.activationEnabled !== activationEnabled) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "catalogue.country_updated",
        entityType: "Country",
        entityId: country.code,
        detail: { activationEnabled: { from: before.activationEnabled, to: activationEnabled } },
      });
    }
    return country;
  });
}
