import type { Metadata } from "next";
import { z } from "zod";
import { ComplianceTable } from "@/components/emergency/compliance-table";
import { Pager } from "@/components/emergency/pager";
import { RegistrationQueue } from "@/components/emergency/registration-queue";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { complianceOverview } from "@/lib/emergency/compliance";
import { registrationQueue } from "@/lib/emergency/registration";
import { formatNumber } from "@/lib/format";
import { parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Emergency registration" };

const ZSearch = z.object({ page: searchPage, pbxPage: searchPage });
const hrefOf = (page: number, pbxPage: number) =>
  `/admin/emergency?${new URLSearchParams({ page: String(page), pbxPage: String(pbxPage) })}`;

export default async function AdminEmergencyPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("emergency.register");
  const search = parseSearchParams(ZSearch, await searchParams);
  const [queue, compliance] = await Promise.all([
    registrationQueue(db(), actor, { page: search.page }),
    complianceOverview(db(), actor, { page: search.pbxPage }),
  ]);
  return (
    <>
      <PageHeader
        title="Emergency registration"
        description="Register the locations partners entered with the emergency network, or send them back with the reason; compliance across every partner."
      />
      <Card aria-labelledby="queue-heading">
        <CardHeader>
          <div>
            <CardTitle id="queue-heading">Waiting for registration</CardTitle>
            <CardDescription>{formatNumber(queue.total)} numbers, oldest first.</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <RegistrationQueue numbers={queue.numbers} />
          <Pager
            label="Queue pages"
            page={queue.page}
            pageCount={queue.pageCount}
            href={(page) => hrefOf(page, compliance.page)}
          />
        </CardContent>
      </Card>
      <section className="mt-6" aria-labelledby="compliance-heading">
        <h2 id="compliance-heading" className="mb-3 text-lg font-semibold">
          Compliance across partners
        </h2>
        <ComplianceTable rows={compliance.rows} showPartner canRequest={false} />
        <Pager
          label="PBX pages"
          page={compliance.page}
          pageCount={compliance.pageCount}
          href={(pbxPage) => hrefOf(queue.page, pbxPage)}
        />
      </section>
    </>
  );
}
