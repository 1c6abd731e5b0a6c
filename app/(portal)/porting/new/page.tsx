import type { Metadata } from "next";
import Link from "next/link";
import { PortingForm } from "@/components/porting/porting-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { portablePbxs } from "@/lib/porting/queries";
import { ZNewPortingSearch } from "@/lib/porting/search";

export const metadata: Metadata = { title: "Port numbers in" };

export default async function NewPortingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("porting.request");
  const search = parseSearchParams(ZNewPortingSearch, await searchParams);
  const pbxs = await portablePbxs(db(), actor);
  const defaultPbxId = pbxs.some((p) => p.id === search.pbx) ? search.pbx : undefined;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Number porting", href: "/porting" }, { label: "Port numbers in" }]}
        title="Port numbers in"
        description="Bring numbers from another operator to one of your PBXs. CLASSOUND schedules the switch and tells you the date and time."
      />
      {pbxs.length === 0 ? (
        <EmptyState
          title="No PBX can receive numbers yet"
          description="Numbers can be ported to a PBX once CLASSOUND is active on it."
          action={
            <Link href="/activations" className="font-medium text-brand-700 hover:underline">
              Activate CLASSOUND
            </Link>
          }
        />
      ) : (
        <PortingForm
          pbxs={pbxs.map((p) => ({ id: p.id, label: `${p.name} · ${p.customer.name}` }))}
          defaultPbxId={defaultPbxId}
          today={new Date().toISOString().slice(0, 10)}
        />
      )}
    </>
  );
}
