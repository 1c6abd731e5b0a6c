import type { Metadata } from "next";
import Link from "next/link";
import { PortingList } from "@/components/porting/porting-list";
import { buttonClassName } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { parseSearchParams, type RawSearchParams } from "@/lib/http/search-params";
import { listPortingRequests } from "@/lib/porting/queries";
import { ZPortingSearch } from "@/lib/porting/search";

export const metadata: Metadata = { title: "Number porting" };

export default async function PortingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("porting.request");
  const search = parseSearchParams(ZPortingSearch.omit({ partner: true }), await searchParams);
  const listing = await listPortingRequests(db(), actor, search);
  return (
    <>
      <PageHeader
        title="Number porting"
        description="Your requests to bring existing numbers to CLASSOUND. Outgoing calls can use them from day one; incoming calls switch at the scheduled time."
        actions={
          <Link href="/porting/new" className={buttonClassName()}>
            Port numbers in
          </Link>
        }
      />
      <PortingList listing={listing} search={search} hrefBase="/porting" />
    </>
  );
}
