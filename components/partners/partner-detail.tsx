import Link from "next/link";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import { PageSection, REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import type { PartnerDetail, TierPeriodState } from "@/lib/partners/detail";
import { AgreementBadge } from "./labels";

const PERIOD_STATE: Record<TierPeriodState, { label: string; variant: BadgeVariant }> = {
  "in force": { label: "In force", variant: "success" },
  upcoming: { label: "Upcoming", variant: "info" },
  past: { label: "Past", variant: "neutral" },
};

const SERVICE_STATUS_LABEL = {
  ACTIVE: "active",
  SUSPENDED: "suspended",
  CANCELLED: "cancelled",
  EXPIRED: "expired",
} as const;

function userStatus(user: PartnerDetail["users"][number]) {
  if (user.disabledAt) return <Badge variant="danger">Disabled</Badge>;
  if (user.passwordLinkExpiresAt && !user.lastSignInAt)
    return <Badge variant="info">Invited: link valid until {formatDateTime(user.passwordLinkExpiresAt)}</Badge>;
  return user.lastSignInAt ? `Last signed in ${formatDate(user.lastSignInAt)}` : "Never signed in";
}

/** The admin's page of one partner: the company, counts, tier history, users and the audit trail. */
export function PartnerDetailView({ detail }: { detail: PartnerDetail }) {
  const { partner, periods, users, counts, history } = detail;
  const services = Object.entries(counts.services)
    .map(([status, n]) => `${formatNumber(n)} ${SERVICE_STATUS_LABEL[status as keyof typeof SERVICE_STATUS_LABEL]}`)
    .join(", ");
  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="company-title">
          <CardHeader>
            <CardTitle id="company-title">Company</CardTitle>
          </CardHeader>
          <CardContent>
            <FactList
              facts={[
                ["Legal name", partner.name],
                ["Country", partner.country.name],
                ["VAT number", partner.vatNumber ?? "—"],
                [
                  "Billing e-mail",
                  <span key="e" className="break-all">
                    {partner.billingEmail}
                  </span>,
                ],
                ["Time zone", partner.timeZone.replaceAll("_", " ")],
                ["Tier in force", detail.tierInForce.name],
                ["Agreement", <AgreementBadge key="a" status={partner.agreementStatus} />],
                ["Onboarded", formatDate(partner.createdAt)],
              ]}
            />
          </CardContent>
        </Card>
        <Card aria-labelledby="business-title">
          <CardHeader>
            <CardTitle id="business-title">Customers and PBXs</CardTitle>
            <Link
              href={`/users?partnerId=${partner.id}`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Users of this partner
            </Link>
          </CardHeader>
          <CardContent>
            <FactList
              facts={[
                ["Customers", formatNumber(counts.customers)],
                ["PBXs", formatNumber(counts.pbxs)],
                ["CLASSOUND services", services || "None"],
              ]}
            />
          </CardContent>
        </Card>
      </div>

      <PageSection id="tier-history" title="Tier history">
        <ReportTable
          label="Periods of the tier history"
          columns={[
            { header: "From" },
            { header: "Tier" },
            { header: "Status" },
            { header: "Recorded", align: "right" },
          ]}
        >
          {periods.map((p) => (
            <tr key={p.id}>
              <td className={`${REPORT_CELL} whitespace-nowrap`}>
                {p.startsOn ? formatDate(p.startsOn) : "From the start"}
              </td>
              <td className={REPORT_CELL}>{p.tier.name}</td>
              <td className={REPORT_CELL}>
                <Badge variant={PERIOD_STATE[p.state].variant}>{PERIOD_STATE[p.state].label}</Badge>
              </td>
              <td className={`${REPORT_CELL} text-right whitespace-nowrap`}>{formatDate(p.createdAt)}</td>
            </tr>
          ))}
        </ReportTable>
      </PageSection>

      <PageSection id="partner-users" title="Partner users">
        {users.length === 0 ? (
          <p className="text-sm text-muted-foreground">No users.</p>
        ) : (
          <ReportTable
            label="Accounts of the partner"
            columns={[{ header: "Name" }, { header: "Role" }, { header: "Status" }]}
          >
            {users.map((u) => (
              <tr key={u.id}>
                <td className={`${REPORT_CELL} min-w-48`}>
                  <span className="font-medium">{u.name}</span>
                  <span className="block text-xs break-all text-muted-foreground">{u.email}</span>
                </td>
                <td className={`${REPORT_CELL} whitespace-nowrap`}>
                  {u.isPartnerAdmin ? "Partner admin" : "Partner user"}
                </td>
                <td className={REPORT_CELL}>{userStatus(u)}</td>
              </tr>
            ))}
          </ReportTable>
        )}
      </PageSection>

      <PageSection id="partner-history" title="History">
        {history.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing recorded yet.</p>
        ) : (
          <ol className="divide-y divide-border rounded-card border border-border bg-surface text-sm">
            {history.map((entry) => (
              <li key={entry.id} className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-4 py-2.5">
                <span className="min-w-0 break-words">{entry.sentence}</span>
                <time dateTime={entry.at.toISOString()} className="whitespace-nowrap text-muted-foreground">
                  {formatDateTime(entry.at)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </PageSection>
    </div>
  );
}
