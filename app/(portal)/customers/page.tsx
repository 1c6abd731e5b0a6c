import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ComplianceProfileCard } from "@/components/compliance/compliance-profile-card";
import { LegalEntityDialog } from "@/components/customers/legal-entity-dialog";
import { NewCustomerDialog } from "@/components/customers/new-customer-dialog";
import { UsageAlertsDialog } from "@/components/customers/usage-alerts-dialog";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterTab } from "@/components/ui/filter-tab";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { EXPIRY_NOTICE_DAYS, complianceProfiles } from "@/lib/activations/compliance-profile";
import { activationCountries } from "@/lib/activations/countries";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { usageAlertThresholds } from "@/lib/customers/usage-alerts";
import { db } from "@/lib/db/client";
import { parseSearchParams, searchEnum, searchText, type RawSearchParams } from "@/lib/http/search-params";

const ZSearch = z.object({ attention: searchEnum(["1"]), q: searchText(100) });

export const metadata: Metadata = { title: "Customers" };

const linkClass = "text-sm font-medium text-brand-700 hover:underline";

export default async function CustomersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("compliance.view");
  const { attention, q } = parseSearchParams(ZSearch, await searchParams);
  const onlyAttention = attention === "1";
  const canManage = can(actor, "customers.manage");
  const canRequest = can(actor, "activation.request");
  const [profiles, countries] = await Promise.all([
    complianceProfiles(db(), actor, new Date(), { q }),
    canManage ? activationCountries(db()) : [],
  ]);
  const shown = onlyAttention ? profiles.filter((p) => p.needsAttention > 0) : profiles;
  const thresholds = canManage
    ? await usageAlertThresholds(
        db(),
        actor,
        shown.map((p) => p.id),
      )
    : new Map<string, never>();
  const attentionCount = profiles.filter((p) => p.needsAttention > 0).length;
  const withQuery = (extra: Record<string, string>) =>
    `/customers?${new URLSearchParams({ ...(q ? { q } : {}), ...extra })}`;
  return (
    <>
      <PageHeader
        title="Customers"
        description={`Each customer's compliance profile: the legal entity and the documents accepted for it, reused by the next request for that customer. Documents are flagged ${EXPIRY_NOTICE_DAYS} days before they expire.`}
        actions={canManage ? <NewCustomerDialog countries={countries} /> : undefined}
      />
      <form role="search" action="/customers" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 sm:max-w-sm">
          <label htmlFor="customer-search" className="mb-1 block text-sm font-medium text-foreground">
            Search customers
          </label>
          <Input
            id="customer-search"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Name, legal name or VAT number"
            maxLength={100}
          />
        </div>
        {onlyAttention && <input type="hidden" name="attention" value="1" />}
        <Button type="submit" variant="secondary">
          Search
        </Button>
        {q && (
          <Link href={onlyAttention ? "/customers?attention=1" : "/customers"} className={linkClass}>
            Clear the search
          </Link>
        )}
      </form>
      <nav aria-label="Filter customers" className="mb-4 flex flex-wrap gap-2">
        <FilterTab href={withQuery({})} active={!onlyAttention}>
          All ({profiles.length})
        </FilterTab>
        <FilterTab href={withQuery({ attention: "1" })} active={onlyAttention}>
          Documents to renew ({attentionCount})
        </FilterTab>
      </nav>
      {shown.length === 0 ? (
        <EmptyState
          title={q ? "No customer matches" : onlyAttention ? "Nothing to renew" : "No customers yet"}
          description={
            q
              ? `Nothing matches "${q}" in the names, legal names or VAT numbers.`
              : onlyAttention
                ? `No document expires in the next ${EXPIRY_NOTICE_DAYS} days.`
                : "Customers appear here once they are registered."
          }
        />
      ) : (
        <div className="space-y-6">
          {shown.map((profile) => (
            <ComplianceProfileCard
              key={profile.id}
              profile={profile}
              showPartner={can(actor, "partners.view_all")}
              actions={
                <>
                  <Link href={`/pbxs?customer=${profile.id}`} className={linkClass}>
                    PBXs<span className="sr-only"> of {profile.name}</span>
                  </Link>
                  <Link href={`/statistics?customer=${profile.id}`} className={linkClass}>
                    Call statistics<span className="sr-only"> of {profile.name}</span>
                  </Link>
                  {canRequest && (
                    <Link href={`/activations?customer=${profile.id}`} className={linkClass}>
                      Activation requests<span className="sr-only"> of {profile.name}</span>
                    </Link>
                  )}
                  {canManage && <LegalEntityDialog customer={profile} countries={countries} />}
                  {thresholds.has(profile.id) && (
                    <UsageAlertsDialog customer={profile} thresholds={thresholds.get(profile.id)!} />
                  )}
                </>
              }
            />
          ))}
        </div>
      )}
    </>
  );
}
