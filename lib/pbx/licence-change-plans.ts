import {
  INELIGIBILITY_MESSAGE,
  compareVersions,
  isReadableVersion,
  MINIMUM_PBX_VERSION,
} from "@/lib/activations/eligibility";
import { dayLabelIn } from "@/lib/cdr/statistics/day-labels";
import { AppError } from "@/lib/errors";
import { formatCount, formatDate, LICENSE_PLAN_LABEL, LICENSE_TYPE_LABEL } from "@/lib/format";
import { renewalCharge, usersAddedCharge } from "@/lib/pricing/licence-charges";
import {
  bandsAt,
  fieldError,
  NOTHING_CHANGED,
  runningService,
  withCharge,
  type Change,
  type LoadedPbx,
  type Plan,
  type Tx,
} from "./licence-change-core";
import {
  dayInstant,
  dayOf,
  LEVEL_TYPE,
  levelCounts,
  LICENCE_LEVELS,
  LICENSING_LABEL,
  MAX_TERM_YEARS,
  totalUsers,
  type LevelCounts,
  type TLicenceChange,
} from "./schemas";

// What each licence change will do and charge (docs/decisions/0055), computed without writing:
// the preview shows it, and licence-change.ts stores exactly it.

// ─── Renewal ─────────────────────────────────────────────────────────────────

async function planRenewal(db: Tx, pbx: LoadedPbx, change: Change<"renewal">): Promise<Plan> {
  if (pbx.licensePlan === "LIFETIME" || !pbx.termExpiry)
    throw new AppError(
      "CONFLICT",
      "A lifetime licence has no term to renew: change its plan to one that renews instead.",
    );
  const oldExpiry = pbx.termExpiry;
  if (dayOf(oldExpiry) !== change.currentExpiry)
    throw new AppError(
      "CONFLICT",
      `The PBX's term changed meanwhile: it now ends on ${formatDate(oldExpiry)}. Reload the page and renew from there.`,
    );
  const newExpiry = dayInstant(change.termEnd);
  if (newExpiry <= oldExpiry)
    throw fieldError(
      "INVALID",
      "termEnd",
      `The new term end must be after the current expiry, ${formatDate(oldExpiry)}`,
    );
  if (newExpiry.getTime() - oldExpiry.getTime() > MAX_TERM_YEARS * 366 * 24 * 3600 * 1000)
    throw fieldError("INVALID", "termEnd", `A term is at most ${MAX_TERM_YEARS} years`);
  const licensePlan = change.licensePlan || pbx.licensePlan;
  const users = totalUsers(levelCounts(pbx.licenses));
  const service = runningService(pbx);

  const notes: string[] = [];
  let charge: Plan["charge"];
  if (service) {
    const priced = renewalCharge({
      ...(await bandsAt(db, pbx, oldExpiry)),
      licensePlan,
      users,
      from: oldExpiry,
      to: newExpiry,
    });
    charge = { kind: "RENEWAL", ...priced, periodStart: oldExpiry, periodEnd: newExpiry };
    notes.push(`CLASSOUND moves to the new expiry, ${formatDate(newExpiry)}, with the PBX.`);
  } else if (pbx.service?.status === "ACTIVE") {
    notes.push(
      `CLASSOUND was cancelled: it still ends on ${formatDate(pbx.service.expiresAt)}, and nothing is charged for the new term.`,
    );
  } else {
    notes.push("CLASSOUND is not active on this PBX: the new term raises no CLASSOUND charge.");
  }
  const before = { termStart: dayOf(pbx.termStart), termExpiry: dayOf(oldExpiry), licensePlan: pbx.licensePlan };
  const after = { termStart: dayOf(oldExpiry), termExpiry: change.termEnd, licensePlan };
  return withCharge(
    {
      event: { kind: "RENEWED", effectiveAt: oldExpiry, detail: { before, after, serviceMoved: Boolean(service) } },
      audit: { action: "pbx.renewed", detail: { ...after, serviceMoved: Boolean(service) } },
      pbxUpdate: { termStart: oldExpiry, termExpiry: newExpiry, licensePlan },
      serviceExpiry: service ? newExpiry : undefined,
      charge,
    },
    "renewal",
    [
      `New term: ${formatDate(oldExpiry)} to ${formatDate(newExpiry)}`,
      ...(licensePlan !== pbx.licensePlan
        ? [`Plan: ${LICENSE_PLAN_LABEL[pbx.licensePlan]} to ${LICENSE_PLAN_LABEL[licensePlan]}`]
        : [`Plan: ${LICENSE_PLAN_LABEL[licensePlan]}`]),
    ],
    notes,
  );
}

// ─── Users changed ───────────────────────────────────────────────────────────

/**
 * The users this term is already paid for: the count the latest change since CLASSOUND's activation
 * in this term recorded (a removal is not refunded, so the term stays paid for the higher count), or
 * the PBX's users when nothing changed since the activation or renewal charged them.
 */
async function paidUsersOf(db: Tx, pbx: LoadedPbx, since: Date, current: number) {
  const latest = await db.pbxLicenseEvent.findFirst({
    where: { pbxId: pbx.id, kind: "USERS_CHANGED", effectiveAt: { gte: since } },
    orderBy: [{ effectiveAt: "desc" }, { createdAt: "desc" }],
    select: { detail: true },
  });
  const paid = (latest?.detail as { paidUsers?: unknown } | undefined)?.paidUsers;
  return typeof paid === "number" ? paid : current;
}

async function planUsersChange(db: Tx, pbx: LoadedPbx, change: Change<"users">, now: Date): Promise<Plan> {
  const before = levelCounts(pbx.licenses);
  const after = Object.fromEntries(LICENCE_LEVELS.map((level) => [level, change[level]])) as LevelCounts;
  if (LICENCE_LEVELS.every((level) => before[level] === after[level])) throw new AppError("INVALID", NOTHING_CHANGED);
  const { timeZone } = pbx.customer.partner;
  const from = dayInstant(change.from);
  const today = dayLabelIn(now, timeZone);
  const service = pbx.service?.status === "ACTIVE" ? pbx.service : null;
  const totalBefore = totalUsers(before);
  const totalAfter = totalUsers(after);

  if (from > today)
    throw fieldError("INVALID", "from", "The date cannot be in the future: record the change on the day it happens");
  if (from < pbx.termStart)
    throw fieldError(
      "INVALID",
      "from",
      `The date is before the current term, which starts on ${formatDate(pbx.termStart)}`,
    );
  if (pbx.termExpiry && from >= pbx.termExpiry)
    throw fieldError("INVALID", "from", `The current term ended on ${formatDate(pbx.termExpiry)}: renew it first`);
  const activatedOn = service ? dayLabelIn(service.activatedAt, timeZone) : null;
  if (activatedOn && from < activatedOn)
    throw fieldError(
      "INVALID",
      "from",
      `CLASSOUND was activated on ${formatDate(activatedOn)}: the date cannot be earlier`,
    );
  const lastChange = await db.pbxLicenseEvent.findFirst({
    where: { pbxId: pbx.id, kind: "USERS_CHANGED", effectiveAt: { gte: pbx.termStart } },
    orderBy: { effectiveAt: "desc" },
    select: { effectiveAt: true },
  });
  if (lastChange && from < lastChange.effectiveAt)
    throw fieldError(
      "INVALID",
      "from",
      `The users last changed from ${formatDate(lastChange.effectiveAt)}: the date cannot be earlier`,
    );
  if (service && totalAfter === 0)
    throw fieldError("CONFLICT", "basic", "CLASSOUND is active and priced per user: keep at least one user licence");

  const notes: string[] = [];
  let charge: Plan["charge"];
  let paidUsers: number | null = null;
  if (service && pbx.termExpiry && pbx.licensePlan !== "LIFETIME") {
    // Changes of an earlier term do not count: the renewal charged the users the PBX had then.
    const since = activatedOn! > pbx.termStart ? activatedOn! : pbx.termStart;
    const paid = await paidUsersOf(db, pbx, since, totalBefore);
    paidUsers = Math.max(paid, totalAfter);
    const priced = usersAddedCharge({
      ...(await bandsAt(db, pbx, from)),
      licensePlan: pbx.licensePlan,
      term: { start: pbx.termStart, expiry: pbx.termExpiry },
      from,
      paidUsers: paid,
      users: totalAfter,
    });
    if (priced) {
      charge = {
        kind: "USERS_ADDED",
        amount: priced.amount,
        currency: priced.currency,
        description: priced.description,
        periodStart: from,
        periodEnd: pbx.termExpiry,
      };
      if (!priced.amount.isPositive())
        notes.push("At the new band the whole PBX costs no more than what was paid for these days: nothing to charge.");
    } else if (totalAfter < paid) {
      notes.push(
        `Users removed mid-term are not refunded: this term stays paid for ${formatCount(paid, "user")} to ${formatDate(pbx.termExpiry)}.`,
      );
    } else {
      notes.push(`This term is already paid for ${formatCount(paid, "user")}: nothing to charge.`);
    }
  } else {
    notes.push("CLASSOUND is not active on this PBX: changing its users raises no charge.");
  }
  return withCharge(
    {
      event: {
        kind: "USERS_CHANGED",
        effectiveAt: from,
        detail: { before, after, totalBefore, totalAfter, paidUsers },
      },
      audit: { action: "pbx.users_changed", detail: { users: totalAfter, before, after, from: change.from } },
      pbxUpdate: {},
      licences: after,
      charge,
    },
    "users",
    [
      `Users from ${formatDate(from)}: ${formatCount(totalBefore, "user")} to ${formatCount(totalAfter, "user")}`,
      ...LICENCE_LEVELS.filter((level) => before[level] !== after[level]).map(
        (level) => `${LICENSE_TYPE_LABEL[LEVEL_TYPE[level]]}: ${before[level]} to ${after[level]}`,
      ),
    ],
    notes,
  );
}

// ─── Plan and licensing ──────────────────────────────────────────────────────

function planPlanChange(pbx: LoadedPbx, change: Change<"plan">, now: Date): Plan {
  if (change.licensePlan === pbx.licensePlan && change.licensing === pbx.licensing)
    throw new AppError("INVALID", NOTHING_CHANGED);
  const active = pbx.service?.status === "ACTIVE";
  // R1: what CLASSOUND needs is kept while it runs; cancelling it ends it at its term's end.
  if (active && change.licensePlan === "LIFETIME")
    throw fieldError(
      "CONFLICT",
      "licensePlan",
      "CLASSOUND is active on this PBX and needs a plan that renews: keep a monthly, yearly or 5-year plan",
    );
  if (active && change.licensing !== "PER_USER")
    throw fieldError(
      "CONFLICT",
      "licensing",
      "CLASSOUND is active on this PBX and is priced per user: keep per-user licensing",
    );

  const notes: string[] = [];
  let termStart = pbx.termStart;
  let termExpiry = pbx.termExpiry;
  if (change.licensePlan === "LIFETIME") {
    if (termExpiry) notes.push("A lifetime licence has no end: the term's end is removed.");
    termExpiry = null;
  } else if (!termExpiry) {
    // Leaving a lifetime licence: a plan that renews needs a term, which only the form can give.
    const missing: Record<string, string[]> = {};
    if (!change.termStart) missing.termStart = ["Enter the term start: a plan that renews needs a term"];
    if (!change.termEnd) missing.termEnd = ["Enter the term end: a plan that renews needs a term"];
    if (Object.keys(missing).length) throw new AppError("INVALID", "Check the highlighted fields.", missing);
    termStart = dayInstant(change.termStart);
    termExpiry = dayInstant(change.termEnd);
  } else if (change.licensePlan !== pbx.licensePlan) {
    notes.push(
      `The current term stays as it is, to ${formatDate(termExpiry)}; the ${LICENSE_PLAN_LABEL[change.licensePlan]!.toLowerCase()} plan is priced from its next renewal.`,
    );
  }
  notes.push("A plan change raises no charge.");
  const termOf = (start: Date, expiry: Date | null) => ({
    termStart: dayOf(start),
    termExpiry: expiry && dayOf(expiry),
  });
  const before = { licensePlan: pbx.licensePlan, licensing: pbx.licensing, ...termOf(pbx.termStart, pbx.termExpiry) };
  const after = { licensePlan: change.licensePlan, licensing: change.licensing, ...termOf(termStart, termExpiry) };
  const termChanged = before.termStart !== after.termStart || before.termExpiry !== after.termExpiry;
  return withCharge(
    {
      event: { kind: "PLAN_CHANGED", effectiveAt: now, detail: { before, after } },
      audit: { action: "pbx.plan_changed", detail: { before, after } },
      pbxUpdate: { licensePlan: change.licensePlan, licensing: change.licensing, termStart, termExpiry },
    },
    "plan",
    [
      ...(change.licensePlan !== pbx.licensePlan
        ? [`Plan: ${LICENSE_PLAN_LABEL[pbx.licensePlan]} to ${LICENSE_PLAN_LABEL[change.licensePlan]}`]
        : []),
      ...(change.licensing !== pbx.licensing
        ? [`Licensing: ${LICENSING_LABEL[pbx.licensing]} to ${LICENSING_LABEL[change.licensing]}`]
        : []),
      ...(termChanged
        ? [
            termExpiry
              ? `Term: ${formatDate(termStart)} to ${formatDate(termExpiry)}`
              : `Term: from ${formatDate(termStart)}, no end`,
          ]
        : []),
    ],
    notes,
  );
}

// ─── Software ────────────────────────────────────────────────────────────────

/** R1 said beside a version CLASSOUND could not be activated with (it keeps running if it already is). */
function versionWarning(pbx: LoadedPbx, version: string): string | null {
  const reason = !isReadableVersion(version)
    ? "SOFTWARE_VERSION_UNREADABLE"
    : compareVersions(version, MINIMUM_PBX_VERSION) < 0
      ? "SOFTWARE_TOO_OLD"
      : null;
  if (!reason) return null;
  const running =
    pbx.service?.status === "ACTIVE" ? "CLASSOUND keeps running, but a new activation would be refused: " : "";
  return `${running}${INELIGIBILITY_MESSAGE[reason]}`;
}

function planSoftwareUpdate(pbx: LoadedPbx, change: Change<"software">, now: Date): Plan {
  if (change.softwareVersion === pbx.softwareVersion) throw new AppError("INVALID", NOTHING_CHANGED);
  const warning = versionWarning(pbx, change.softwareVersion);
  const before = { softwareVersion: pbx.softwareVersion };
  const after = { softwareVersion: change.softwareVersion };
  return withCharge(
    {
      event: { kind: "SOFTWARE_UPDATED", effectiveAt: now, detail: { before, after } },
      audit: { action: "pbx.software_updated", detail: { ...after, before: pbx.softwareVersion } },
      pbxUpdate: after,
    },
    "software",
    [`Software version: ${pbx.softwareVersion} to ${change.softwareVersion}`],
    [...(warning ? [warning] : []), "A software update raises no charge."],
  );
}

export function planChange(db: Tx, pbx: LoadedPbx, change: TLicenceChange, now: Date): Promise<Plan> | Plan {
  switch (change.kind) {
    case "renewal":
      return planRenewal(db, pbx, change);
    case "users":
      return planUsersChange(db, pbx, change, now);
    case "plan":
      return planPlanChange(pbx, change, now);
    case "software":
      return planSoftwareUpdate(pbx, change, now);
  }
}
