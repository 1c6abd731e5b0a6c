import { formatNumber } from "@/lib/format";

/** What `callFreshness` answers (lib/cdr/statistics/freshness.ts), as the dashboards receive it. */
export interface TCallFreshness {
  /** The start of the newest call the roll-ups count (ISO); null while none is. */
  countedUpTo: string | null;
  /** Calls stored but not rated yet: their roll-ups come with their rating (decision 0052). */
  waiting: number;
  /** The earliest start among them (ISO): every call started before it is counted. */
  waitingFrom: string | null;
}

/** "14:32 CET" on `now`'s day in the view's zone, else "6 Dec, 14:32 CET". */
function formatCountedUpTo(iso: string, zone: string, now: Date) {
  const at = new Date(iso);
  const day = (d: Date) => d.toLocaleDateString("en-GB", { timeZone: zone });
  const time = at.toLocaleTimeString("en-GB", {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return day(at) === day(now)
    ? time
    : `${at.toLocaleDateString("en-GB", { timeZone: zone, day: "numeric", month: "short" })}, ${time}`;
}

/** "Calls up to 14:32 CET are counted; 1,000 more calls are being rated." in the view's time zone. */
export function freshnessSentence(f: TCallFreshness, zone: string, now = new Date()) {
  if (f.waiting === 0)
    return f.countedUpTo
      ? `Calls up to ${formatCountedUpTo(f.countedUpTo, zone, now)} are counted.`
      : "No calls counted yet.";
  const rating = (more: string) =>
    `${formatNumber(f.waiting)} ${more}${f.waiting === 1 ? "call is" : "calls are"} being rated`;
  if (!f.countedUpTo || !f.waitingFrom) return `No calls counted yet; ${rating("")}.`;
  // A waiting call may have started before the newest counted one (it arrived late): the older instant is the true bound.
  const upTo = f.waitingFrom < f.countedUpTo ? f.waitingFrom : f.countedUpTo;
  return `Calls up to ${formatCountedUpTo(upTo, zone, now)} are counted; ${rating("more ")}.`;
}
