import Link from "next/link";
import { monthLabel } from "@/components/billing/invoices/labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { CalendarEntry, RenewalsCalendar } from "@/lib/billing/dashboard/renewals-calendar";
import { formatCount, formatDate, formatNumber } from "@/lib/format";

const link = "font-medium text-brand-700 hover:underline";

/** What renews: the PBX's licence, its CLASSOUND service (co-terminating, R3), or CLASSOUND ending. */
function What({ entry }: { entry: CalendarEntry }) {
  if (entry.cancelled) return <Badge variant="warning">CLASSOUND ends</Badge>;
  if (entry.service) return <Badge variant="info">{entry.licence ? "Licence + CLASSOUND" : "CLASSOUND"}</Badge>;
  return <Badge>Licence</Badge>;
}

/**
 * The next 90 days' licence and CLASSOUND renewals as a month-by-month agenda: one row per day that
 * has any (its count and the first PBXs by name, each a link), readable on a phone where a grid of
 * weeks would not be. Days are the partner's own calendar days.
 */
export function RenewalsCalendarCard({ data }: { data: RenewalsCalendar }) {
  return (
    <Card aria-labelledby="renewals-calendar" className="mt-8 min-w-0">
      <CardHeader>
        <div>
          <CardTitle id="renewals-calendar">Renewals calendar, next {data.days} days</CardTitle>
          <CardDescription>
            PBX licences and CLASSOUND services by the day their term ends ({data.timeZone.replaceAll("_", " ")} time).
          </CardDescription>
        </div>
        <span className="text-sm text-muted-foreground tabular-nums">
          {formatNumber(data.total)}
          <span className="sr-only"> renewals in all</span>
        </span>
      </CardHeader>
      <CardContent>
        {data.months.length ? (
          <div className="space-y-6">
            {data.months.map((month) => (
              <section key={month.month} aria-labelledby={`renewals-${month.month}`}>
                <h3 id={`renewals-${month.month}`} className="mb-2 text-sm font-semibold text-foreground">
                  {monthLabel(month.month)}{" "}
                  <span className="font-normal text-muted-foreground">· {formatCount(month.count, "renewal")}</span>
                </h3>
                <ol className="divide-y divide-border rounded-card border border-border">
                  {month.days.map((day) => (
                    <li key={day.day} className="grid gap-2 px-3 py-2 sm:grid-cols-[9rem_1fr] sm:gap-4">
                      <div className="text-sm">
                        <time dateTime={day.day} className="font-medium tabular-nums text-foreground">
                          {formatDate(`${day.day}T00:00:00Z`)}
                        </time>
                        <span className="block text-xs text-muted-foreground">{formatCount(day.count, "renewal")}</span>
                      </div>
                      <ul className="space-y-1">
                        {day.entries.map((entry) => (
                          <li key={entry.pbxId} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
                            <Link href={`/pbxs/${entry.pbxId}`} className={`${link} break-words`}>
                              {entry.pbxName}
                            </Link>
                            <span className="text-xs break-words text-muted-foreground">{entry.customerName}</span>
                            <What entry={entry} />
                          </li>
                        ))}
                        {day.count > day.entries.length && (
                          <li className="text-sm text-muted-foreground">
                            and {formatNumber(day.count - day.entries.length)} more
                          </li>
                        )}
                      </ul>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </div>
        ) : (
          <p className="py-4 text-sm text-muted-foreground">
            No PBX licence or CLASSOUND service ends in the next {data.days} days.
          </p>
        )}
      </CardContent>
      <CardFooter className="justify-start text-sm">
        <Link href="/pbxs/renewals" className={link}>
          All renewals due
        </Link>
      </CardFooter>
    </Card>
  );
}
