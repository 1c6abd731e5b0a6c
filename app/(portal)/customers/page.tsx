import type { Metadata } from "next";
import { ComplianceProfileCard } from "@/components/compliance/compliance-profile-card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterTab } from "@/components/ui/filter-tab";
import { PageHeader } from "@/components/ui/page-header";
import { EXPIRY_NOTICE_DAYS, complianceProfiles } from "@/lib/activations/compliance-profile";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseSearchParams, searchEnum, type RawSearchParams } from "@/lib/http/search-params";
import { z } from "zod";

const ZSearch = z.object({ attention: searchEnum(["1"]) });

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("compliance.view");
  const onlyAttention = parseSearchParams(ZSearch, await searchParams).attention === "1";
  const profiles = await complianceProfiles(db(), actor);
  const shown = onlyAttention ? profiles.filter((p) => p.needsAttention > 0) : profiles;
  const attentionCount = profiles.filter((p) => p.needsAttention > 0).length;
  return (
    <>
      <PageHeader
        title="Customers"
        description={`Each customer's compliance profile: the legal entity and the documents accepted for it, reused by the next request for that customer. Documents are flagged ${EXPIRY_NOTICE_DAYS} days before they expire.`}
      />
      <nav aria-label="Filter customers" className="mb-4 flex gap-2">
        <FilterTab href="/customers" active={!onlyAttention}>
          All ({profiles.length})
        </FilterTab>
        <FilterTab href="/customers?attention=1" active={onlyAttention}>
          Documents to renew ({attentionCount})
        </FilterTab>
      </nav>
      {shown.length === 0 ? (
        <EmptyState
          title={onlyAttention ? "Nothing to renew" : "No customers yet"}
          description={onlyAttention ? `No document expires in the next ${EXPIRY_NOTICE_DAYS} days.` : "Customers appear here once they are registered."}
        />
      ) : (
        <div className="space-y-6">
          {shown.map((profile) => (
            <ComplianceProfileCard key={profile.id} profile={profile} showPartner={can(actor, "partners.view_all")} />
          ))}
        </div>
      )}
    </>
  );
}

