import type { Actor } from "@/lib/auth/actor";
import { assertCan, assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { thresholdsOf } from "@/lib/cdr/alerts/evaluate";
import type { Db } from "@/lib/db/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { ZUsageAlertThresholds } from "./schemas";

/** The usage-alert thresholds in force for each of these customers the actor may see (theirs, or the default). */
export async function usageAlertThresholds(
  db: Db,
  actor: Actor,
  customerIds: string[],
): Promise<Map<string, { percents: number[]; isDefault: boolean }>> {
  assertCan(actor, "compliance.view");
  const visible = await db.customer.findMany({
    where: { AND: [scope.customers(actor), { id: { in: customerIds } }] },
    select: { id: true },
  });
  const settings = await db.usageAlertSetting.findMany({ where: { customerId: { in: visible.map((c) => c.id) } } });
  const byCustomer = new Map(settings.map((s) => [s.customerId, s]));
  return new Map(
    visible.map((c) => [
      c.id,
      { percents: thresholdsOf(byCustomer.get(c.id) ?? null), isDefault: !byCustomer.has(c.id) },
    ]),
  );
}

/**
 * A partner sets its own usage-alert thresholds for one of its customers; an empty list goes back to
 * the default. Another partner's customer is NOT_FOUND, like one that does not exist.
 */
export async function setUsageAlertThresholds(
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<{ percents: number[]; isDefault: boolean }> {
  assertCanChange(actor, "customers.manage");
  const { customerId, percents } = parseOrThrow(ZUsageAlertThresholds, input);
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { AND: [scope.customers(actor), { id: customerId }] },
      select: { id: true },
    });
    if (!customer) throw new AppError("NOT_FOUND", "This customer does not exist.");
    if (percents.length)
      await tx.usageAlertSetting.upsert({
        where: { customerId },
        create: { customerId, percents },
        update: { percents },
      });
    else await tx.usageAlertSetting.deleteMany({ where: { customerId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "customer.usage_alerts_set",
      entityType: "Customer",
      entityId: customerId,
      detail: { percents: percents.length ? percents : "default" },
    });
    return { percents: thresholdsOf(percents.length ? { percents } : null), isDefault: percents.length === 0 };
  });
}
