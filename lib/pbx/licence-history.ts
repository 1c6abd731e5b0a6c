import type { Actor } from "@/lib/auth/actor";
import { assertCan, canChange, scope, visiblePrices } from "@/lib/auth/policy";
import { dayLabelIn } from "@/lib/cdr/statistics/day-labels";
import type { Db } from "@/lib/db/client";
import type { PbxLicenseEventKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { formatCount, formatDate, LICENSE_PLAN_LABEL, LICENSE_TYPE_LABEL } from "@/lib/format";
import { pageOf } from "@/lib/paging";
import { addMonths, TERM_MONTHS } from "@/lib/pricing/proration";
import {
  dayOf,
  LEVEL_TYPE,
  levelCounts,
  LICENCE_LEVELS,
  LICENSING_LABEL,
  RECURRING_PLANS,
  totalUsers,
} from "./schemas";

export const LICENCE_HISTORY_PAGE_SIZE = 10;

export const LICENCE_EVENT_LABEL: Record<PbxLicenseEventKind, string> = {
  REGISTERED: "Registered",
  RENEWED: "Renewed",
  USERS_CHANGED: "Users changed",
  PLAN_CHANGED: "Plan changed",
  SOFTWARE_UPDATED: "Software updated",
  SERVICE_CANCELLATION_REQUESTED: "CLASSOUND cancelled at term end",
  SERVICE_CANCELLATION_WITHDRAWN: "Cancellation withdrawn",
  SERVICE_ENDED: "CLASSOUND ended",
  NUMBERS_QUARANTINED: "Numbers quarantined",
};

type Detail = Record<string, unknown>;
const record = (value: unknown): Detail => (value && typeof value === "object" ? (value as Detail) : {});
const text = (value: unknown) => (typeof value === "string" ? value : "");
const plan = (value: unknown) => LICENSE_PLAN_LABEL[text(value)] ?? text(value);
const licensing = (value: unknown) => LICENSING_LABEL[text(value) as keyof typeof LICENSING_LABEL] ?? text(value);
const term = (d: Detail) =>
  d.termExpiry || d.termEnd
    ? `${formatDate(text(d.termStart))} to ${formatDate(text(d.termExpiry || d.termEnd))}`
    : `from ${formatDate(text(d.termStart))}, no end`;

function usersLine(users: unknown) {
  const counts = record(users);
  const parts = LICENCE_LEVELS.filter((level) => Number(counts[level] ?? 0) > 0).map(
    (level) => `${counts[level]} ${LICENSE_TYPE_LABEL[LEVEL_TYPE[level]]}`,
  );
  return parts.length ? parts.join(", ") : "no user licences";
}

/** What an event changed, in a few lines, from the detail its writer recorded (licence-change.ts, register.ts). */
function eventLines(kind: PbxLicenseEventKind, detail: Detail): string[] {
  const before = record(detail.before);
  const after = record(detail.after);
  switch (kind) {
    case "REGISTERED":
      return [
        `${plan(detail.licensePlan)}, ${licensing(detail.licensing).toLowerCase()}; term ${term(detail)}`,
        `Users: ${usersLine(detail.users)}; software ${text(detail.softwareVersion)}`,
        ...(detail.source === "csv" ? ["Imported from a CSV file"] : []),
      ];
    case "RENEWED":
      return [
        `New term ${term(after)} (${plan(after.licensePlan)})`,
        detail.serviceMoved ? "CLASSOUND moved to the new expiry" : "No running CLASSOUND service moved with it",
      ];
    case "USERS_CHANGED":
      return [
        `${formatCount(Number(detail.totalBefore ?? 0), "user")} to ${formatCount(Number(detail.totalAfter ?? 0), "user")}: ${usersLine(after)}`,
      ];
    case "PLAN_CHANGED":
      return [
        `${plan(before.licensePlan)}, ${licensing(before.licensing).toLowerCase()} to ${plan(after.licensePlan)}, ${licensing(after.licensing).toLowerCase()}`,
        `Term ${term(after)}`,
      ];
    case "SOFTWARE_UPDATED":
      return [`${text(before.softwareVersion)} to ${text(after.softwareVersion)}`];
    // Written by the ends of terms (term-ends.ts, cancel-service.ts, decision 0056).
    case "SERVICE_CANCELLATION_REQUESTED":
      return [`CLASSOUND ends on ${formatDate(text(detail.endsAt))}; nothing is refunded`];
    case "SERVICE_CANCELLATION_WITHDRAWN":
      return [`CLASSOUND runs on past ${formatDate(text(detail.endsAt))}, to be renewed with the PBX`];
    case "SERVICE_ENDED":
      return [
        `${detail.status === "CANCELLED" ? "Ended as cancelled" : "Expired"}; its numbers are kept until ${formatDate(text(detail.numbersKeptUntil))}`,
      ];
    case "NUMBERS_QUARANTINED":
      return [
        `${formatCount(Number(detail.numbers ?? 0), "number")} in quarantine until ${formatDate(text(detail.quarantineUntil))}`,
      ];
  }
}

/**
 * The PBX's Licence tab: its plan, licensing, term, users per level and software version, the page of
 * its licence history asked for (newest first), and what the change forms start from. Within the
 * actor's scope (another partner's PBX is NOT_FOUND); charges show only to those who see the
 * partner's purchase prices.
 */
export async function pbxLicence(db: Db, actor: Actor, input: { pbxId: string; page?: number; now?: Date }) {
  assertCan(actor, "pbx.view");
  const now = input.now ?? new Date();
  const pbx = await db.pbx.findFirst({
    where: { AND: [scope.pbxs(actor), { id: input.pbxId }] },
    select: {
      id: true,
      licensePlan: true,
      licensing: true,
      termStart: true,
      termExpiry: true,
      softwareVersion: true,
      licenses: { select: { type: true, quantity: true } },
      service: { select: { status: true, expiresAt: true, cancellationRequestedAt: true } },
      customer: { select: { archivedAt: true, partner: { select: { timeZone: true } } } },
      _count: { select: { licenseEvents: true } },
    },
  });
  if (!pbx) throw new AppError("NOT_FOUND", "This PBX does not exist.");

  const paging = pageOf(pbx._count.licenseEvents, LICENCE_HISTORY_PAGE_SIZE, input.page);
  const events = await db.pbxLicenseEvent.findMany({
    where: { pbxId: pbx.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: paging.skip,
    take: paging.take,
    select: { id: true, kind: true, effectiveAt: true, createdAt: true, detail: true, actorId: true },
  });
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  const seesCharges = visiblePrices(actor).includes("purchase");
  const users = levelCounts(pbx.licenses);

  return {
    id: pbx.id,
    licensePlan: pbx.licensePlan,
    licensing: pbx.licensing,
    termStart: pbx.termStart,
    termExpiry: pbx.termExpiry,
    softwareVersion: pbx.softwareVersion,
    users,
    userCount: totalUsers(users),
    service: pbx.service,
    canChange: canChange(actor, "pbx.manage") && !pbx.customer.archivedAt,
    /** What each change form starts from, as the date inputs take them. */
    defaults: {
      today: dayOf(dayLabelIn(now, pbx.customer.partner.timeZone)),
      termStart: dayOf(pbx.termStart),
      currentExpiry: pbx.termExpiry ? dayOf(pbx.termExpiry) : "",
      /** A renewal's end for each plan that renews: one period from the current expiry. */
      renewalEnds: Object.fromEntries(
        RECURRING_PLANS.map((plan) => [
          plan,
          pbx.termExpiry ? dayOf(addMonths(pbx.termExpiry, TERM_MONTHS[plan])) : "",
        ]),
      ) as Record<(typeof RECURRING_PLANS)[number], string>,
    },
    history: {
      ...paging,
      total: pbx._count.licenseEvents,
      events: events.map((event) => {
        const detail = record(event.detail);
        const charge = record(detail.charge);
        return {
          id: event.id,
          kind: event.kind,
          label: LICENCE_EVENT_LABEL[event.kind],
          effectiveAt: event.effectiveAt,
          recordedAt: event.createdAt,
          actorName: event.actorId ? (names.get(event.actorId) ?? "A former user") : "The portal",
          lines: eventLines(event.kind, detail),
          charge:
            seesCharges && text(charge.amount)
              ? { amount: text(charge.amount), currency: text(charge.currency), description: text(charge.description) }
              : null,
        };
      }),
    },
  };
}
export type PbxLicence = Awaited<ReturnType<typeof pbxLicence>>;
