import type { Actor } from "@/lib/auth/actor";
import { assertCan, scope } from "@/lib/auth/policy";
import { auditActionLabel, auditSentence } from "@/lib/audit/sentences";
import { dayLabelIn } from "@/lib/cdr/statistics/day-labels";
import type { Db } from "@/lib/db/client";
import { TIER_HISTORY_START } from "@/lib/db/seed/factories";
import type { ServiceStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";

/** How many of the partner's audit entries its page shows, newest first (the audit log has them all). */
export const PARTNER_HISTORY_LIMIT = 50;

export type TierPeriodState = "in force" | "upcoming" | "past";

/**
 * Everything the admin's partner page shows: the company, its tier history (each period in force,
 * upcoming or past at `now`), the agreement and its audit trail, its partner users (with a pending
 * set-password link), and how many customers, PBXs and services it has. Another id is NOT_FOUND.
 */
export async function partnerDetail(db: Db, actor: Actor, partnerId: string, now = new Date()) {
  assertCan(actor, "partners.manage");
  const partner = await db.partner.findFirst({
    where: { AND: [scope.partners(actor), { id: partnerId }] },
    select: {
      id: true,
      name: true,
      vatNumber: true,
      billingEmail: true,
      timeZone: true,
      agreementStatus: true,
      createdAt: true,
      country: { select: { code: true, name: true } },
      tier: { select: { id: true, code: true, name: true } },
      tierPeriods: {
        orderBy: { validFrom: "desc" },
        select: { id: true, validFrom: true, createdAt: true, tier: { select: { id: true, code: true, name: true } } },
      },
      users: {
        where: { role: "PARTNER" },
        orderBy: [{ isPartnerAdmin: "desc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          email: true,
          isPartnerAdmin: true,
          disabledAt: true,
          lastSignInAt: true,
          passwordTokens: {
            where: { usedAt: null, expiresAt: { gt: now } },
            orderBy: { expiresAt: "desc" },
            take: 1,
            select: { expiresAt: true },
          },
        },
      },
      _count: { select: { customers: true } },
    },
  });
  if (!partner) throw new AppError("NOT_FOUND", "This partner does not exist.");

  const [pbxs, services, history] = await Promise.all([
    db.pbx.count({ where: { customer: { partnerId } } }),
    db.classoundService.groupBy({ by: ["status"], where: { pbx: { customer: { partnerId } } }, _count: true }),
    db.auditLog.findMany({
      where: { entityType: "Partner", entityId: partnerId },
      orderBy: { id: "desc" },
      take: PARTNER_HISTORY_LIMIT,
      select: { id: true, action: true, detail: true, createdAt: true, actor: { select: { name: true } } },
    }),
  ]);

  const inForce = partner.tierPeriods.find((p) => p.validFrom <= now);
  const names = new Map([[`Partner:${partner.id}`, partner.name]]);
  const { tierPeriods, users, _count, ...company } = partner;
  return {
    partner: company,
    tierInForce: inForce?.tier ?? partner.tier,
    periods: tierPeriods.map((p) => ({
      ...p,
      // A period starts at midnight in the partner's zone: named by that local day, not the UTC one.
      startsOn:
        p.validFrom.getTime() === TIER_HISTORY_START.getTime() ? null : dayLabelIn(p.validFrom, company.timeZone),
      state: (p === inForce ? "in force" : p.validFrom > now ? "upcoming" : "past") as TierPeriodState,
    })),
    users: users.map(({ passwordTokens, ...user }) => ({
      ...user,
      passwordLinkExpiresAt: passwordTokens[0]?.expiresAt ?? null,
    })),
    counts: {
      customers: _count.customers,
      pbxs,
      services: Object.fromEntries(services.map((s) => [s.status, s._count])) as Partial<Record<ServiceStatus, number>>,
    },
    history: history.map((entry) => ({
      id: String(entry.id),
      at: entry.createdAt,
      label: auditActionLabel(entry.action),
      sentence: auditSentence(
        { action: entry.action, entityType: "Partner", entityId: partner.id, detail: entry.detail },
        entry.actor?.name ?? null,
        names,
      ),
    })),
  };
}
export type PartnerDetail = Awaited<ReturnType<typeof partnerDetail>>;
