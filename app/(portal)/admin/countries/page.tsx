import type { Metadata } from "next";
import { CountriesTable } from "@/components/catalogue/countries-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { listCountriesWithDocumentCounts } from "@/lib/catalogue/queries";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Countries" };

export default async function CountriesPage() {
  const actor = await requirePermission("catalogue.manage");
  const countries = await listCountriesWithDocumentCounts(db(), actor);
  return (
    <>
      <PageHeader
        title="Countries"
        description="Where CLASSOUND can be activated, and the documents each country's regulator requires with a request. Open a country to change its documents and templates."
      />
      <CountriesTable rows={countries} />
    </>
  );
}
