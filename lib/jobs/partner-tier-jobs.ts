import { recordAudit } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { defineJob } from "./definition";

/**
 * Moves each partner's current tier (`Partner.tierId`) to its latest started period (docs/decisions/0041):
 * a tier change from a future date takes over on that date. Idempotent: a partner already on that
 * tier is not touched. Each move is audited as the change taking effect. Every tenant: a job.
 */
export async function unsafeApplyStartedTierPeriods(db: Db, now: Date) {
  return db.$transaction(async (tx) => {
    const moved = await tx.$queryRaw<{ id: string; tierId: string; tierName: string; validFrom: Date }[]>`
      WITH current AS (
        SELECT DISTINCT ON (tp."partnerId") tp."partnerId", tp."tierId", tp."validFrom"
        FROM "PartnerTierPeriod" tp
        WHERE tp."validFrom" <= ${now}
        ORDER BY tp."partnerId", tp."validFrom" DESC
      )
      UPDATE "Partner" p SET "tierId" = current."tierId", "updatedAt" = ${now}
      FROM current JOIN "PriceListTier" t ON t.id = current."tierId"
      WHERE p.id = current."partnerId" AND p."tierId" <> current."tierId"
      RETURNING p.id, current."tierId", t.name AS "tierName", current."validFrom"`;
    for (const partner of moved)
      await recordAudit(tx, {
        action: "partner.tier_took_effect",
        entityType: "Partner",
        entityId: partner.id,
        detail: { tierId: partner.tierId, tierName: partner.tierName, validFrom: partner.validFrom.toISOString() },
      });
    return moved.length;
  });
}

/**
 * Hourly rather than daily: a period starts at midnight in its partner's zone, which is some hour of
 * the UTC day, so the current tier follows within the hour wherever the partner is. Quotes, orders
 * and rating read the period in force themselves and never wait for this.
 */
export const partnerTierJob = defineJob({
  name: "partner-tiers",
  queue: { policy: "short", retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  schedule: "7 * * * *",
  parse: () => ({}),
  run: ({ db, now }) => unsafeApplyStartedTierPeriods(db, now()),
});
