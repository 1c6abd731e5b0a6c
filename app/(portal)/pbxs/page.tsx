import type { Metadata } from "next";
import Link from "next/link";
import { PbxTable } from "@/components/pbx/pbx-table";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can, canChange } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { listPbxs } from "@/lib/pbx/list-pbxs";
import { z } from "zod";

const ZSearch = z.object({ customer: ZId.optional().catch(undefined) });

export const metadata: Metadata = { title: "PBXs" };

export default async function PbxsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("pbx.view");
  const { customer } = parseSearchParams(ZSearch, await searchParams);
  const rows = await listPbxs(db(), actor);
  return (
    <>
      <PageHeader
        title="PBXs"
        description="License plan, term and CLASSOUND status of every PBX you can see."
        actions={
          canChange(actor, "pbx.manage") ? (
            <>
              <Button asChild variant="secondary">
                <Link href="/pbxs/import">Import from CSV</Link>
              </Button>
              <Button asChild>
                <Link href={customer ? `/pbxs/new?customerId=${customer}` : "/pbxs/new"}>Register a PBX</Link>
              </Button>
            </>
          ) : undefined
        }
      />
      <PbxTable
        rows={rows}
        showPartner={can(actor, "partners.view_all")}
        canActivate={canChange(actor, "activation.request")}
        filters
        customerId={customer}
      />
    </>
  );
}
