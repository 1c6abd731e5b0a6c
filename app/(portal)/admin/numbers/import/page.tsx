import type { Metadata } from "next";
import { RangeImportForm } from "@/components/numbers/range-import-form";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import number ranges" };

export default async function ImportRangesPage() {
  await requirePermission("numbers.manage_inventory");
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Number inventory", href: "/admin/numbers" }, { label: "Import" }]}
        title="Import number ranges"
        description="Each row is checked against the country's numbering plan and the inventory; you see the result before anything is added."
      />
      <Card>
        <CardContent className="pt-6">
          <RangeImportForm />
        </CardContent>
      </Card>
    </>
  );
}
