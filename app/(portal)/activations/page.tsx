import type { Metadata } from "next";
import { CandidatesTable } from "@/components/activations/candidates-table";
import { RequestsTable } from "@/components/activations/requests-table";
import { PageHeader } from "@/components/ui/page-header";
import { activationCandidates, listActivationRequests } from "@/lib/activations/queries";
import { toRequestRows } from "@/lib/activations/request-rows";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Activations" };

export default async function ActivationsPage() {
  const actor = await requirePermission("activation.request");
  const [candidates, { requests }] = await Promise.all([activationCandidates(db(), actor), listActivationRequests(db(), actor)]);
  return (
    <>
      <PageHeader
        title="CLASSOUND activations"
        description="Activate CLASSOUND on a customer's PBX: fill the form, upload the documents the country requires, and submit for review."
      />
      <section aria-labelledby="requests-heading" className="mb-10">
        <h2 id="requests-heading" className="mb-3 text-lg font-semibold text-foreground">Requests</h2>
        <RequestsTable rows={toRequestRows(requests)} hrefBase="/activations" showPartner={false} caption="Activation requests" />
      </section>
      <section aria-labelledby="pbxs-heading">
        <h2 id="pbxs-heading" className="mb-3 text-lg font-semibold text-foreground">PBXs</h2>
        <CandidatesTable rows={candidates} />
      </section>
    </>
  );
}
