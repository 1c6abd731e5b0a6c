import type { Metadata } from "next";
import { OnboardPartnerForm } from "@/components/partners/onboard-partner-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { onboardingOptions } from "@/lib/partners/onboard";

export const metadata: Metadata = { title: "Onboard a partner" };

export default async function OnboardPartnerPage() {
  const actor = await requirePermission("partners.manage");
  const options = await onboardingOptions(db(), actor);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Partners", href: "/admin/partners" }, { label: "Onboard a partner" }]}
        title="Onboard a partner"
        description="The partner company, the tier it buys at, and its first partner admin, who receives a link to choose a password."
      />
      <OnboardPartnerForm {...options} />
    </>
  );
}
