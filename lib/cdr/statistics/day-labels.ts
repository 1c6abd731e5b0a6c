/**
 * Statistics count each call in its partner's calendar days (docs/decisions/0045): a date range is
 * a span of day labels (a Date at UTC midnight naming a local calendar day, "2026-12-07"), the daily
 * roll-ups are keyed by them, and the raw tables find a call's label from its partner's time zone.
 */

/** No time zone is further than this from UTC (Kiribati +14, Baker Island -12). */
export const WIDEST_OFFSET_MS = 14 * 60 * 60 * 1000;

/** The label of the calendar day `at` falls on in `zone`. */
export function dayLabelIn(at: Date, zone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return new Date(`${parts.year}-${parts.month}-${parts.day}T00:00:00Z`);
}

/** A time zone and the partners of a view in it. */
export type TPartnerZone = { zone: string; partnerIds: string[] };

/**
 * The zone whose calendar names "today" for a view: its partners' one zone, or UTC for a view over
 * partners in several zones (each partner's days are still its own; only "today" is ambiguous).
 */
export const viewZone = (zones: readonly TPartnerZone[] | undefined) => (zones?.length === 1 ? zones[0]!.zone : "UTC");

/** How a page names the calendar of its figures. */
export function zoneSentence(zones: readonly TPartnerZone[]): string {
  if (zones.length === 1) return `Days and hours are ${zones[0]!.zone.replaceAll("_", " ")} time.`;
  return "Days and hours are each partner's, in its own time zone.";
}

/** How far `zone`'s clocks are ahead of UTC at the instant `at`. */
function offsetMs(at: Date, zone: string): number {
  const local = dayLabelIn(at, zone).getTime();
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hourCycle: "h23",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  })
    .format(at)
    .split(":")
    .map(Number);
  const [hours = 0, minutes = 0, seconds = 0] = parts;
  return local + ((hours * 60 + minutes) * 60 + seconds) * 1000 + (at.getTime() % 1000) - at.getTime();
}

/** The instant the day labelled `label` starts in `zone` (its offset taken at that instant, so across a DST change too). */
export function localMidnight(label: Date, zone: string): Date {
  const guess = label.getTime() - offsetMs(label, zone);
  return new Date(label.getTime() - offsetMs(new Date(guess), zone));
}
