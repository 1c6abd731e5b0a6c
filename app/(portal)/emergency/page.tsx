import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { StatCard, StatGrid } from "@/components/dashboard/stat-card";
import { ComplianceTable } from "@/components/emergency/compliance-table";
import { CsvImport } from "@/components/emergency/csv-import";
import { NumbersTable } from "@/components/emergency/numbers-table";
import { Pager } from "@/components/emergency/pager";
import { SiteDialog } from "@/components/emergency/site-dialog";
import { SitesTable } from "@/components/emergency/sites-table";
import { EMERGENCY_STATUS } from "@/components/emergency/status-badge";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FilterPanel } from "@/components/ui/filter-panel";
import { FilterTab } from "@/components/ui/filter-tab";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { can, canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { complianceOverview } from "@/lib/emergency/compliance";
import { emergencyPbxOptions, siteFormOptions } from "@/lib/emergency/form-options";
import { listEmergencyNumbers } from "@/lib/emergency/numbers";
import { EMERGENCY_STATUSES } from "@/lib/emergency/schemas";
import { listSites } from "@/lib/emergency/sites";
import { formatCount, formatNumber } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { parseSearchParams, searchEnum, searchPage, searchText, type RawSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Emergency locations" };

const ZSearch = z.object({
  pbx: ZId.optional().catch(undefined),
  status: searchEnum(EMERGENCY_STATUSES),
  /** Any part of a number's digits. */
  q: searchText(30),
  page: searchPage,
  pbxPage: searchPage,
});
type Search = z.output<typeof ZSearch>;

function hrefOf(search: Search, change: Partial<Search>) {
  const next = { ...search, page: 1, ...change };
  const params = Object.entries(next).filter(
    ([key, value]) => value !== undefined && !((key === "page" || key === "pbxPage") && value === 1),
  );
  return `/emergency?${new URLSearchParams(params.map(([k, v]) => [k, String(v)]))}`;
}

export default async function EmergencyPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("emergency.view");
  const search = parseSearchParams(ZSearch, await searchParams);
  const [compliance, numbers, sites, options, pbxs] = await Promise.all([
    complianceOverview(db(), actor, { page: search.pbxPage }),
    listEmergencyNumbers(db(), actor, { pbxId: search.pbx, status: search.status, q: search.q, page: search.page }),
    listSites(db(), actor),
    siteFormOptions(db(), actor),
    emergencyPbxOptions(db(), actor),
  ]);
  const canEdit = canChange(actor, "emergency.edit");
  const { totals } = compliance;
  const withLocation = totals.ACTIVE + totals.PENDING;
  const missing = totals.NO_LOCATION + totals.CHANGES_REQUIRED;
  const actions = compliance.rows.flatMap((row) => row.actions.map((text) => ({ pbx: row.pbx, text })));

  return (
    <>
      <PageHeader
        title="Emergency locations"
        description="Every number in an EU country needs its caller location for 112 (E112); US numbers a dispatchable location for 911 (E911)."
        actions={
          <a
            href={`/api/emergency/export${search.pbx ? `?pbx=${search.pbx}` : ""}`}
            className={buttonClassName("secondary")}
          >
            Export CSV
          </a>
        }
      />
      <StatGrid>
        <StatCard label="Numbers needing a location" value={formatNumber(withLocation + missing)} />
        <StatCard
          label="With a location"
          value={formatNumber(withLocation)}
          detail={`${formatNumber(totals.ACTIVE)} registered, ${formatNumber(totals.PENDING)} pending`}
        />
        <StatCard
          label="Missing a location"
          value={formatNumber(missing)}
          detail={totals.CHANGES_REQUIRED ? `${formatNumber(totals.CHANGES_REQUIRED)} need changes` : undefined}
        />
        <StatCard
          label="PBXs"
          value={formatNumber(compliance.pbxTotal)}
          detail={`${formatNumber(compliance.rows.filter((r) => r.emergencyConfiguredAt).length)} with emergency service configured`}
        />
      </StatGrid>

      <Card className="mt-6" aria-labelledby="action-needed">
        <CardHeader>
          <CardTitle id="action-needed">Action needed</CardTitle>
        </CardHeader>
        <CardContent>
          {actions.length ? (
            <ul className="divide-y divide-border text-sm" data-testid="action-needed">
              {actions.map((a) => (
                <li key={`${a.pbx.id}-${a.text}`} className="py-2">
                  <Link href={`/pbxs/${a.pbx.id}`} className="font-medium text-brand-700 hover:underline">
                    {a.pbx.name}
                  </Link>
                  : {a.text}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-success-700" data-testid="action-needed">
              Nothing to do: every number has a location and emergency service is configured.
            </p>
          )}
        </CardContent>
      </Card>

      <section className="mt-6" aria-labelledby="compliance-heading">
        <h2 id="compliance-heading" className="mb-3 text-lg font-semibold">
          Compliance per PBX
        </h2>
        <ComplianceTable
          rows={compliance.rows}
          showPartner={can(actor, "partners.view_all")}
          canRequest={can(actor, "tickets.use")}
        />
        <Pager
          label="PBX pages"
          page={compliance.page}
          pageCount={compliance.pageCount}
          href={(pbxPage) => hrefOf(search, { pbxPage, page: search.page })}
        />
      </section>

      <Card className="mt-6" aria-labelledby="sites-heading">
        <CardHeader>
          <div>
            <CardTitle id="sites-heading">Sites</CardTitle>
            <CardDescription>Define a place once and assign it to many numbers.</CardDescription>
          </div>
          {canEdit && options.customers.length > 0 && <SiteDialog options={options} />}
        </CardHeader>
        <CardContent>
          <SitesTable sites={sites} options={options} canEdit={canEdit} />
        </CardContent>
      </Card>

      <Card className="mt-6" aria-labelledby="numbers-heading">
        <CardHeader>
          <div>
            <CardTitle id="numbers-heading">Numbers</CardTitle>
            <CardDescription>
              {formatCount(numbers.total, "number")}
              {search.status ? ` ${EMERGENCY_STATUS[search.status].label.toLowerCase()}` : ""}
              {search.q ? ` matching “${search.q}”` : ""}.
            </CardDescription>
          </div>
        </CardHeader>
        <CardContent className="space-y-4">
          <form
            method="get"
            action="/emergency"
            role="search"
            aria-label="Find a number"
            className="flex flex-wrap items-end gap-2"
          >
            {search.pbx && <input type="hidden" name="pbx" value={search.pbx} />}
            {search.status && <input type="hidden" name="status" value={search.status} />}
            <label className="flex w-full flex-col gap-1 text-sm font-medium text-foreground sm:w-64">
              Number contains
              <Input
                name="q"
                type="search"
                inputMode="tel"
                defaultValue={search.q ?? ""}
                placeholder="Any digits, e.g. 4930"
              />
            </label>
            <button type="submit" className={buttonClassName("secondary")}>
              Find
            </button>
            {search.q && (
              <Link
                href={hrefOf(search, { q: undefined })}
                className="py-2 text-sm font-medium text-brand-700 hover:underline"
              >
                Clear search
              </Link>
            )}
          </form>
          {/* On a phone the status and PBX choices fold behind one button, so the numbers show first. */}
          <FilterPanel
            activeCount={[search.status, search.pbx].filter(Boolean).length}
            className="flex-col items-start"
          >
            <nav aria-label="Filter by status" className="flex flex-wrap gap-2">
              <FilterTab href={hrefOf(search, { status: undefined })} active={!search.status}>
                All
              </FilterTab>
              {EMERGENCY_STATUSES.map((s) => (
                <FilterTab key={s} href={hrefOf(search, { status: s })} active={search.status === s}>
                  {EMERGENCY_STATUS[s].label} ({formatNumber(numbers.counts[s])})
                </FilterTab>
              ))}
            </nav>
            {pbxs.length > 1 && (
              <nav aria-label="Filter by PBX" className="flex flex-wrap gap-2">
                <FilterTab href={hrefOf(search, { pbx: undefined })} active={!search.pbx}>
                  Every PBX
                </FilterTab>
                {pbxs.map((p) => (
                  <FilterTab key={p.id} href={hrefOf(search, { pbx: p.id })} active={search.pbx === p.id}>
                    {p.name}
                  </FilterTab>
                ))}
              </nav>
            )}
          </FilterPanel>
          <NumbersTable
            numbers={numbers.numbers}
            matching={{ total: numbers.total, filters: { pbxId: search.pbx, status: search.status, q: search.q } }}
            sites={sites.map((s) => ({ id: s.id, name: s.name, customerName: s.customer.name }))}
            canEdit={canEdit}
          />
          <Pager
            label="Number pages"
            page={numbers.page}
            pageCount={numbers.pageCount}
            href={(page) => hrefOf(search, { page, pbxPage: search.pbxPage })}
          />
        </CardContent>
      </Card>

      {canEdit && (
        <Card className="mt-6" aria-labelledby="import-heading">
          <CardHeader>
            <div>
              <CardTitle id="import-heading">Import from CSV</CardTitle>
              <CardDescription>
                Each row assigns a number to a site, created when the customer has none of that name. Refused rows
                change nothing and say why.
              </CardDescription>
            </div>
          </CardHeader>
          <CardContent>
            <CsvImport />
          </CardContent>
        </Card>
      )}
    </>
  );
}
