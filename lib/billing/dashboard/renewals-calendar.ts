import type { Actor } from "@/lib/auth/actor";
import { assertCan, partnerIdOf } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { licenceEndsWhere, RENEWALS_DUE_DAYS, renewalsDueWhere } from "@/lib/pbx/renewals-due";

/** PBXs a calendar day names; the rest of the day is its count and the renewals list. */
export const CALENDAR_NAMES_PER_DAY = 5;

/** One PBX renewing on a day: its licence term, its CLASSOUND service, or both (they co-terminate, R3). */
export interface CalendarEntry {
  pbxId: string;
  pbxName: string;
  customerName: string;
  licence: boolean;
  service: boolean;
  /** The partner cancelled CLASSOUND: it ends that day rather than renews. */
  cancelled: boolean;
}

export interface CalendarDay {
  /** The partner's local calendar day, "2026-12-07". */
  day: string;
  count: number;
  /** The first CALENDAR_NAMES_PER_DAY by name. */
  entries: CalendarEntry[];
}

export interface CalendarMonth {
  /** "2026-12". */
  month: string;
  count: number;
  days: CalendarDay[];
}

export interface RenewalsCalendar {
  timeZone: string;
  days: number;
  total: number;
  months: CalendarMonth[];
}

/**
 * The licence and CLASSOUND renewals of the partner's PBXs in the next `days`, by the partner's local
 * calendar day (its days, as R3's proration and the billing month count them), month by month. The
 * services are those of the dashboard's "Renewals due" card (`renewalsDueWhere`); the licences
 * those of the same PBXs' own terms (`licenceEndsWhere`), so a PBX without CLASSOUND shows too.
 */
export async function renewalsCalendar(
  db: Db,
  actor: Actor,
  { now = new Date(), days = RENEWALS_DUE_DAYS }: { now?: Date; days?: number } = {},
): Promise<RenewalsCalendar> {
  assertCan(actor, "pbx.view");
  if (actor.role !== "PARTNER") throw new AppError("FORBIDDEN", "The renewals calendar is a partner's own.");
  const pbxSelect = { id: true, name: true, customer: { select: { name: true } } } as const;
  const [partner, services, licences] = await Promise.all([
    db.partner.findUniqueOrThrow({ where: { id: partnerIdOf(actor) }, select: { timeZone: true } }),
    db.classoundService.findMany({
      where: renewalsDueWhere(actor, now, days),
      select: { expiresAt: true, cancellationRequestedAt: true, pbx: { select: pbxSelect } },
    }),
    db.pbx.findMany({ where: licenceEndsWhere(actor, now, days), select: { ...pbxSelect, termExpiry: true } }),
  ]);
  // One formatter for every row: building one costs far more than using it.
  const dayOf = new Intl.DateTimeFormat("en-CA", {
    timeZone: partner.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const entries = new Map<string, CalendarEntry & { day: string }>();
  const entryOn = (at: Date, pbx: { id: string; name: string; customer: { name: string } }) => {
    const day = dayOf.format(at);
    const key = `${day} ${pbx.id}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        day,
        pbxId: pbx.id,
        pbxName: pbx.name,
        customerName: pbx.customer.name,
        licence: false,
        service: false,
        cancelled: false,
      };
      entries.set(key, entry);
    }
    return entry;
  };
  for (const s of services) {
    const entry = entryOn(s.expiresAt, s.pbx);
    entry.service = true;
    entry.cancelled = s.cancellationRequestedAt !== null;
  }
  for (const p of licences) entryOn(p.termExpiry!, p).licence = true;
  return { timeZone: partner.timeZone, days, total: entries.size, months: byMonth([...entries.values()]) };
}

const byName = (a: CalendarEntry, b: CalendarEntry) =>
  a.pbxName.localeCompare(b.pbxName, "en") || (a.pbxId < b.pbxId ? -1 : a.pbxId > b.pbxId ? 1 : 0);

function byMonth(entries: (CalendarEntry & { day: string })[]): CalendarMonth[] {
  const days = new Map<string, CalendarEntry[]>();
  for (const { day, ...entry } of entries) {
    const list = days.get(day);
    if (list) list.push(entry);
    else days.set(day, [entry]);
  }
  const months = new Map<string, CalendarMonth>();
  for (const day of [...days.keys()].sort()) {
    const all = days.get(day)!.sort(byName);
    const key = day.slice(0, 7);
    const month = months.get(key) ?? { month: key, count: 0, days: [] };
    month.count += all.length;
    month.days.push({ day, count: all.length, entries: all.slice(0, CALENDAR_NAMES_PER_DAY) });
    months.set(key, month);
  }
  return [...months.values()];
}
