import type { Metadata } from "next";
import { z } from "zod";
import { LicenceChangeForms } from "@/components/pbx/licence-change-forms";
import { LicenceHistory } from "@/components/pbx/licence-history";
import { LicenceSummary } from "@/components/pbx/licence-summary";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseSearchParams, searchPage, type RawSearchParams } from "@/lib/http/search-params";
import { pbxIdOf } from "@/lib/pbx/hub-params";
import { pbxLicence } from "@/lib/pbx/licence-history";

export const metadata: Metadata = { title: "PBX licence" };

const ZSearch = z.object({ page: searchPage });

/** The PBX hub's Licence tab: the licence as it stands, its changes (renewal, users, plan, software) and its history. */
export default async function PbxLicencePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<RawSearchParams>;
}) {
  const actor = await requirePermission("pbx.view");
  const pbxId = await pbxIdOf(params);
  const { page } = parseSearchParams(ZSearch, await searchParams);
  const licence = await orNotFound(pbxLicence(db(), actor, { pbxId, page }));
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Card aria-labelledby="licence-title">
        <CardHeader>
          <CardTitle id="licence-title">Licence</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <LicenceSummary licence={licence} />
          {licence.canChange && (
            <section aria-labelledby="licence-changes" className="border-t border-border pt-4">
              <h3 id="licence-changes" className="mb-2 text-sm font-semibold text-foreground">
                Change the licence
              </h3>
              <LicenceChangeForms
                pbxId={licence.id}
                licensePlan={licence.licensePlan}
                licensing={licence.licensing}
                softwareVersion={licence.softwareVersion}
                users={licence.users}
                defaults={licence.defaults}
              />
            </section>
          )}
        </CardContent>
      </Card>
      <Card aria-labelledby="licence-history">
        <CardHeader>
          <div>
            <CardTitle id="licence-history">History</CardTitle>
            <CardDescription>Each change to the licence, newest first, with the charge it raised.</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          <LicenceHistory pbxId={licence.id} history={licence.history} />
        </CardContent>
      </Card>
    </div>
  );
}
