import type { Db } from "@/lib/db/client";
import { notifyCustomerUsers, notifyPartner } from "@/lib/notifications/notify";
import { INCLUDED_PER_USER } from "@/lib/pricing/catalogue";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

/** When a partner has set nothing for a customer: 80 % and 100 % of the included minutes and SMS. */
export const USAGE_ALERT_DEFAULT_PERCENTS = [80, 100];

const KIND_LABEL = { MINUTES: "included Area 1 minutes", SMS: "included SMS" } as const;

/**
 * Sends the usage alerts of one month, every tenant: for each PBX user whose use (from the per-user
 * roll-up) has reached a threshold of their customer's (or the default), the partner's users and
 * the customer's end users are notified, once: the alert row's unique key (user, month, kind,
 * percent) decides, inside the same transaction as the notifications. Run after a roll-up refresh.
 */
export async function unsafeEvaluateUsageAlerts(db: Db, month: Date): Promise<number> {
  const from = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1));
  const to = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  const defaults = `{${USAGE_ALERT_DEFAULT_PERCENTS.join(",")}}`;
  return db.$transaction(
    async (tx) => {
      const crossed = await tx.$queryRaw<
        { pbxId: string; extension: string; kind: "MINUTES" | "SMS"; percent: number }[]
      >`
        WITH used AS (
          SELECT "customerId", "pbxId", "extension", sum("area1Seconds") AS seconds, sum("smsSent") AS sms
          FROM "CallUserDailyRollup" WHERE "day" >= ${from}::date AND "day" < ${to}::date
          GROUP BY 1, 2, 3
        ), thresholds AS (
          SELECT used.*, t.percent FROM used
          LEFT JOIN "UsageAlertSetting" s ON s."customerId" = used."customerId"
          CROSS JOIN LATERAL unnest(coalesce(s.percents, ${defaults}::int[])) AS t(percent)
        ), crossed AS (
          SELECT "pbxId", "extension", 'MINUTES' AS kind, percent FROM thresholds WHERE seconds * 100 >= percent * ${INCLUDED_PER_USER.area1Minutes * 60}
          UNION ALL
          SELECT "pbxId", "extension", 'SMS', percent FROM thresholds WHERE sms * 100 >= percent * ${INCLUDED_PER_USER.sms}
        )
        INSERT INTO "UsageAlert" ("pbxId", "extension", "month", "kind", "percent")
        SELECT "pbxId", "extension", ${from}::date, kind, percent FROM crossed
        ON CONFLICT DO NOTHING
        RETURNING "pbxId", "extension", "kind", "percent"`;
      const pbxs = await tx.pbx.findMany({
        where: { id: { in: [...new Set(crossed.map((c) => c.pbxId))] } },
        select: { id: true, name: true, customer: { select: { id: true, name: true, partnerId: true } } },
      });
      const pbxOf = new Map(pbxs.map((p) => [p.id, p]));
      const monthName = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
        from,
      );
      for (const alert of crossed) {
        const pbx = pbxOf.get(alert.pbxId)!;
        const content = {
          event: "usage.included" as const,
          title: `User ${alert.extension} of ${pbx.name} has used ${alert.percent} % of the ${KIND_LABEL[alert.kind]}`,
          body:
            `In ${monthName}, user ${alert.extension} of ${pbx.name} (${pbx.customer.name}) reached ${alert.percent} % of the ${KIND_LABEL[alert.kind]}` +
            (alert.percent >= 100 ? "; further use is charged at the Area 1 rate." : "."),
          link: `/statistics?${new URLSearchParams({ pbx: pbx.id })}`,
        };
        await notifyPartner(tx, pbx.customer.partnerId, content);
        await notifyCustomerUsers(tx, pbx.customer.id, content);
        await emitWebhookEvent(tx, pbx.customer.partnerId, "usage.threshold_reached", {
          pbxId: pbx.id,
          customerId: pbx.customer.id,
          extension: alert.extension,
          month: from.toISOString().slice(0, 7),
          kind: alert.kind === "MINUTES" ? "area1_minutes" : "sms",
          percent: alert.percent,
        });
      }
      return crossed.length;
    },
    { timeout: 5 * 60_000 },
  );
}

/** The thresholds in force for a customer (the partner's, or the default). */
export function thresholdsOf(setting: { percents: number[] } | null): number[] {
  return setting?.percents.length ? setting.percents : USAGE_ALERT_DEFAULT_PERCENTS;
}
