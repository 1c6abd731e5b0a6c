import type { Metadata } from "next";
import { z } from "zod";
import { AgreementDialog } from "@/components/partners/agreement-dialog";
import { AgreementBadge } from "@/components/partners/labels";
import { OnboardedNotice } from "@/components/partners/onboarded-notice";
import { PartnerDetailView } from "@/components/partners/partner-detail";
import { TierChangeDialog } from "@/components/partners/tier-change-dialog";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { partnerDetail } from "@/lib/partners/detail";
import { priceListTierOptions } from "@/lib/partners/list";

export const metadata: Metadata = { title: "Partner" };

export default async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("partners.manage");
  const { id } = parseRouteParams(z.object({ id: ZId }), await params);
  const [detail, tiers] = await Promise.all([
    orNotFound(partnerDetail(db(), actor, id)),
    priceListTierOptions(db(), actor),
  ]);
  const { partner } = detail;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Partners", href: "/admin/partners" }, { label: partner.name }]}
        title={
          <span className="flex flex-wrap items-center gap-3">
            {partner.name} <AgreementBadge status={partner.agreementStatus} />
          </span>
        }
        description={`${partner.country.name} · ${detail.tierInForce.name} tier`}
        actions={
          <>
            <TierChangeDialog
              partnerId={partner.id}
              timeZone={partner.timeZone}
              tiers={tiers.map(({ id, name }) => ({ id, name }))}
            />
            <AgreementDialog partnerId={partner.id} status={partner.agreementStatus} />
          </>
        }
      />
      <OnboardedNotice partnerId={partner.id} />
      {partner.agreementStatus === "SUSPENDED" && (
        <Alert variant="warning" className="mb-6" title="Agreement suspended">
          The partner and its customers&apos; users see their data read-only, and its CLASSOUND services are suspended.
          Reinstate the agreement to lift both.
        </Alert>
      )}
      <PartnerDetailView detail={detail} />
    </>
  );
}
