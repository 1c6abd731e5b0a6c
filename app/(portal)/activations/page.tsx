import type { Metadata } from "next";
import Link from "next/link";
import { CandidatesTable } from "@/components/activations/candidates-table";
import { RequestsTable } from "@/components/activations/requests-table";
import { PageHeader } from "@/components/ui/page-header";
import { activationCandidates, listActivationRequests } from "@/lib/activations/queries";
import { toRequestRows } from "@/lib/activations/request-rows";
import { canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { z } from "zod";

const ZSearch = z.object({ pbx: ZId.optional().catch(undefined), customer: ZId.optional().catch(undefined) });

export const metadata: Metadata = { title: "Activations" };

export default async function ActivationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("activation.request");
  // Coming from one PBX of the PBX list: show that one (when it is the partner's), with a way back to all;
  // from a customer of the customers page: that customer's requests.
  const { pbx: focusedPbxId, customer: customerId } = parseSearchParams(ZSearch, await searchParams);
  const [candidates, { requests }] = await Promise.all([
    activationCandidates(db(), actor),
    listActivationRequests(db(), actor, { customerId }),
  ]);
  const customerName = customerId ? candidates.find((c) => c.customerId === customerId)?.customerName : undefined;
  const focused = candidates.filter((c) => c.id === focusedPbxId);
  return (
    <>
      <PageHeader
        title="CLASSOUND activations"
        description="Activate CLASSOUND on a customer's PBX: fill the form, upload the documents the country requires, and submit for review."
      />
      <section aria-labelledby="requests-heading" className="mb-10">
        <h2 id="requests-heading" className="mb-3 text-lg font-semibold text-foreground">
          Requests
        </h2>
        {customerId && (
          <p className="mb-3 text-sm text-muted-foreground">
            Showing the requests {customerName ? `for ${customerName}` : "of one customer"} only.{" "}
            <Link href="/activations" className="font-medium text-brand-700 hover:underline">
              Show all requests
            </Link>
          </p>
        )}
        <RequestsTable
          rows={toRequestRows(requests)}
          hrefBase="/activations"
          showPartner={false}
          caption="Activation requests"
        />
      </section>
      <section aria-labelledby="pbxs-heading">
        <h2 id="pbxs-heading" className="mb-3 text-lg font-semibold text-foreground">
          PBXs
        </h2>
        {focused.length > 0 && (
          <p className="mb-3 text-sm text-muted-foreground">
            Showing {focused[0].name} only.{" "}
            <Link href="/activations#pbxs-heading" className="font-medium text-brand-700 hover:underline">
              Show all PBXs
            </Link>
          </p>
        )}
        <CandidatesTable
          rows={focused.length > 0 ? focused : candidates}
          canStart={canChange(actor, "activation.request")}
        />
      </section>
    </>
  );
}
