import type { Actor } from "@/lib/auth/actor";
import { assertCanChange, scope } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { localMidnight } from "@/lib/cdr/statistics/day-labels";
import type { TRerateRequest } from "@/lib/cdr/rating/unrated";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, parseOrThrow } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { requestRerateJob } from "@/lib/jobs/enqueue";
import { ZTierChange } from "./schemas";
import { tierInForce } from "./tier-in-force";

export { tierInForce } from "./tier-in-force";

type Tx = Prisma.TransactionClient;

const invalid = (field: string, message: string) =>
  new AppError("INVALID", "Check the highlighted fields.", { [field]: [message] });

/** The partner, locked for the transaction: two tier changes of one partner run one after the other. */
async function lockPartner(tx: Tx, actor: Actor, partnerId: string) {
  await tx.$queryRaw`SELECT id FROM "Partner" WHERE id = ${partnerId} FOR UPDATE`;
  const partner = await tx.partner.findFirst({
    where: { AND: [scope.partners(actor), { id: partnerId }] },
    select: { id: true, tierId: true, timeZone: true },
  });
  if (!partner) throw new AppError("NOT_FOUND", "This partner does not exist.");
  return partner;
}

/** Whether rating priced any call or SMS of the partner from `from` until `to` (rated: a cost and no reason, decision 0041). */
async function hasRatedRecords(tx: Tx, partnerId: string, from: Date, to: Date | undefined) {
  const until = to ?? new Date("9999-01-01T00:00:00Z");
  const [row] = await tx.$queryRaw<{ rated: boolean }[]>`
    SELECT EXISTS (
        SELECT 1 FROM "CallRecord" WHERE "partnerId" = ${partnerId} AND "startedAt" >= ${from} AND "startedAt" < ${until}
          AND "ratedAt" IS NOT NULL AND "unratedReason" IS NULL)
      OR EXISTS (
        SELECT 1 FROM "SmsRecord" WHERE "partnerId" = ${partnerId} AND "sentAt" >= ${from} AND "sentAt" < ${until}
          AND "ratedAt" IS NOT NULL AND "unratedReason" IS NULL) AS rated`;
  return row.rated;
}

/**
 * The partner-local months from `day` on that hold calls or SMS: the daily roll-up's days are the
 * partner's own (decision 0045), so a call's local month is its day's; SMS are read directly.
 */
async function monthsWithRecordsFrom(tx: Tx, partnerId: string, day: string, validFrom: Date): Promise<string[]> {
  const rows = await tx.$queryRaw<{ month: string }[]>`
    SELECT to_char(r."day", 'YYYY-MM') AS month FROM "CallDailyRollup" r
    WHERE r."partnerId" = ${partnerId} AND r."day" >= ${day}::date
    UNION
    SELECT to_char((s."sentAt" AT TIME ZONE 'UTC') AT TIME ZONE p."timeZone", 'YYYY-MM') FROM "SmsRecord" s
    JOIN "Partner" p ON p.id = s."partnerId"
    WHERE s."partnerId" = ${partnerId} AND s."sentAt" >= ${validFrom}
    ORDER BY 1`;
  return rows.map((row) => row.month);
}

/**
 * Queues the re-rating of each partner-month (the `cdr-rerate` job, one waiting per partner-month,
 * so asking twice queues once). Never fails the caller: the change is committed; a month the queue
 * refused is re-rated from /admin/rating, and the answer says so.
 */
async function queueRerating(requests: TRerateRequest[]) {
  try {
    for (const request of requests) await requestRerateJob(request);
    return true;
  } catch (error) {
    console.error("[partners] could not queue the re-rating after a tier change", requests, error);
    return false;
  }
}

/**
 * A partner's new tier from a date (docs/decisions/0041, "Onboarding"): a period of its tier history
 * starting at the beginning of that date in the partner's zone. In the same transaction
 * `Partner.tierId` follows when the date is today or past (a future period takes over on its date,
 * by the `partner-tiers` job; readers take the period in force). A period that already starts then
 * is changed only while it has priced nothing: a started period with rated calls is history. Then
 * the partner-local months from the date that hold calls are queued for re-rating, so the calls
 * since are priced at the new tier and the ones before keep theirs.
 */
export async function changePartnerTier(db: Db, actor: Actor, input: unknown, now = new Date()) {
  assertCanChange(actor, "partners.manage");
  const { partnerId, tierId, from } = parseOrThrow(ZTierChange, input);
  const change = await db.$transaction(async (tx) => {
    const partner = await lockPartner(tx, actor, partnerId);
    const tier = await tx.priceListTier.findUnique({ where: { id: tierId }, select: { id: true, name: true } });
    if (!tier) throw invalid("tierId", "Choose a tier from the list");
    const validFrom = localMidnight(new Date(`${from}T00:00:00Z`), partner.timeZone);
    const periods = await tx.partnerTierPeriod.findMany({
      where: { partnerId },
      orderBy: { validFrom: "asc" },
      select: { id: true, tierId: true, validFrom: true, tier: { select: { name: true } } },
    });
    const before = periods.findLast((p) => p.validFrom <= validFrom);
    if (before?.tierId === tier.id)
      throw invalid("tierId", `The partner is already on ${tier.name} on ${formatDate(from)}.`);

    const same = before && before.validFrom.getTime() === validFrom.getTime() ? before : undefined;
    if (same) {
      const next = periods.find((p) => p.validFrom > validFrom);
      if (same.validFrom <= now && (await hasRatedRecords(tx, partnerId, same.validFrom, next?.validFrom)))
        throw new AppError(
          "CONFLICT",
          `The ${same.tier.name} period from ${formatDate(from)} has already priced calls: it stays as it is. Choose a later date.`,
          { from: ["A period starting on this date has priced calls: choose a later date"] },
        );
      await tx.partnerTierPeriod.update({ where: { id: same.id }, data: { tierId: tier.id } });
    } else {
      await tx.partnerTierPeriod.create({ data: { partnerId, tierId: tier.id, validFrom } });
    }

    const started = validFrom <= now;
    if (started) {
      // The latest started period: a past date before a later change leaves that later tier current.
      const current = await tierInForce(tx, partnerId, now);
      if (current && current.tierId !== partner.tierId)
        await tx.partner.update({ where: { id: partnerId }, data: { tierId: current.tierId } });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "partner.tier_changed",
      entityType: "Partner",
      entityId: partnerId,
      detail: {
        from,
        validFrom: validFrom.toISOString(),
        tierId: tier.id,
        tierName: tier.name,
        previousTierName: before?.tier.name ?? null,
        ...(same ? { replacedPeriodId: same.id } : {}),
      },
    });
    const months = started ? await monthsWithRecordsFrom(tx, partnerId, from, validFrom) : [];
    return { validFrom, started, rerate: months.map((month) => ({ partnerId, month })) };
  });
  const rerateQueued = await queueRerating(change.rerate);
  return { ...change, rerateQueued };
}
