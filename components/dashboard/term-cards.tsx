import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate, formatNumber } from "@/lib/format";
import { NEW_PBX_DAYS, RENEWALS_DUE_DAYS, type RenewalsDue } from "@/lib/pbx/renewals-due";

const link = "font-medium text-brand-700 hover:underline";

/** Whose PBX it is: its customer, and for those who see every partner's, its partner. */
export function termOwner(row: { customerName: string; partnerName: string }, showPartner: boolean) {
  return showPartner ? `${row.customerName} · ${row.partnerName}` : row.customerName;
}

/** One PBX of a term list: its name (a link to it), whose it is, and the date that puts it on the list. */
export function TermRow({
  pbxId,
  pbxName,
  owner,
  date,
  badge,
}: {
  pbxId: string;
  pbxName: string;
  owner: string;
  date: string;
  badge?: React.ReactNode;
}) {
  return (
    <li className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
      <span className="min-w-0">
        <Link href={`/pbxs/${pbxId}`} className={`${link} break-words`}>
          {pbxName}
        </Link>
        <span className="block text-xs break-words text-muted-foreground">{owner}</span>
      </span>
      <span className="flex shrink-0 items-center gap-2 text-sm tabular-nums">
        {badge}
        {date}
      </span>
    </li>
  );
}

function TermCard({
  id,
  title,
  total,
  empty,
  footer,
  children,
}: {
  id: string;
  title: string;
  total: number;
  empty: string;
  footer: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Card aria-labelledby={id} className="flex min-w-0 flex-col">
      <CardHeader>
        <CardTitle id={id}>{title}</CardTitle>
        <span className="text-sm text-muted-foreground tabular-nums">
          {formatNumber(total)}
          <span className="sr-only"> in all</span>
        </span>
      </CardHeader>
      <CardContent className="flex-1">
        {total ? (
          <ul className="divide-y divide-border">{children}</ul>
        ) : (
          <p className="py-4 text-sm text-muted-foreground">{empty}</p>
        )}
      </CardContent>
      <CardFooter className="justify-start text-sm">{footer}</CardFooter>
    </Card>
  );
}

/**
 * The dashboards' "New PBXs" and "Renewals due" cards, a few rows each (the server limits them) and a
 * link to the full list. `showPartner`: the admin's dashboard names each PBX's partner too.
 */
export function TermCards({ data, showPartner }: { data: RenewalsDue; showPartner: boolean }) {
  const owner = (row: { customerName: string; partnerName: string }) => termOwner(row, showPartner);
  const { renewals, newPbxs } = data;
  return (
    <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-2">
      <TermCard
        id="renewals-due"
        title={`Renewals due in ${RENEWALS_DUE_DAYS} days`}
        total={renewals.total}
        empty={`No CLASSOUND term ends in the next ${RENEWALS_DUE_DAYS} days.`}
        footer={
          <Link href="/pbxs/renewals" className={link}>
            {renewals.total > renewals.rows.length
              ? `All ${formatNumber(renewals.total)} renewals due`
              : "All renewals due"}
          </Link>
        }
      >
        {renewals.rows.map((r) => (
          <TermRow
            key={r.pbxId}
            pbxId={r.pbxId}
            pbxName={r.pbxName}
            owner={owner(r)}
            date={`Ends ${formatDate(r.endsAt)}`}
            badge={r.cancelled ? <Badge>Cancelled</Badge> : undefined}
          />
        ))}
      </TermCard>
      <TermCard
        id="new-pbxs"
        title={`New PBXs, last ${NEW_PBX_DAYS} days`}
        total={newPbxs.total}
        empty={`No PBX was registered in the last ${NEW_PBX_DAYS} days.`}
        footer={
          <Link href="/pbxs" className={link}>
            All PBXs
          </Link>
        }
      >
        {newPbxs.rows.map((p) => (
          <TermRow
            key={p.pbxId}
            pbxId={p.pbxId}
            pbxName={p.pbxName}
            owner={owner(p)}
            date={`Registered ${formatDate(p.registeredAt)}`}
          />
        ))}
      </TermCard>
    </div>
  );
}
