import type { Metadata } from "next";
import { AddDocumentCard } from "@/components/catalogue/add-document-card";
import { CountryActivationToggle } from "@/components/catalogue/country-activation-toggle";
import { RequiredDocumentList } from "@/components/catalogue/required-document-list";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { countryDetail } from "@/lib/catalogue/queries";
import { db } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { z } from "zod";

const ZParams = z.object({ code: z.string().regex(/^[A-Za-z]{2}$/) });

export const metadata: Metadata = { title: "Country" };

export default async function CountryPage({ params }: { params: Promise<{ code: string }> }) {
  const actor = await requirePermission("catalogue.manage");
  const country = await orNotFound(countryDetail(db(), actor, parseRouteParams(ZParams, await params).code));
  const documents = country.requiredDocuments;
  const nextPosition = documents.reduce((max, d) => Math.max(max, d.sortOrder), 0) + 1;
  const facts = [
    country.code,
    `+${country.dialCode}`,
    `Call Termination Area ${country.callTerminationArea}`,
    country.isEu ? "EU" : "Outside the EU",
    country.emergencyRegime ? `Emergency ${country.emergencyRegime}` : "No emergency regime",
  ];

  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Countries", href: "/admin/countries" }, { label: country.name }]}
        title={country.name}
        description={facts.join(" · ")}
      />
      <div className="space-y-6">
        <Card aria-labelledby="activation-heading">
          <CardHeader>
            <CardTitle id="activation-heading">Activation</CardTitle>
          </CardHeader>
          <CardContent>
            <CountryActivationToggle
              countryCode={country.code}
              countryName={country.name}
              enabled={country.activationEnabled}
            />
          </CardContent>
        </Card>
        <Card aria-labelledby="documents-heading">
          <CardHeader>
            <div>
              <CardTitle id="documents-heading">Required documents ({documents.length})</CardTitle>
              <CardDescription>
                Partners download each template, fill it in and upload it with the request. Changes apply to requests
                started from now on; requests already started keep the documents they were started with.
                {country.archivedDocumentCount > 0 &&
                  ` ${country.archivedDocumentCount} archived ${country.archivedDocumentCount === 1 ? "document is" : "documents are"} kept for earlier requests.`}
              </CardDescription>
            </div>
          </CardHeader>
          <RequiredDocumentList documents={documents} />
        </Card>
        <AddDocumentCard countryCode={country.code} countryName={country.name} nextPosition={nextPosition} />
      </div>
    </>
  );
}
