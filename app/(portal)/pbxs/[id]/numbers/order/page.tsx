import type { Metadata } from "next";
import { z } from "zod";
import { OrderNumbersForm } from "@/components/numbers/order-numbers-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { orderFormOptions } from "@/lib/numbers/context";
import { pbxHeading } from "@/lib/pbx/hub";

const ZParams = z.object({ id: ZId });

export const metadata: Metadata = { title: "Order numbers" };

export default async function OrderNumbersPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("numbers.order");
  const { id } = parseRouteParams(ZParams, await params);
  const options = await orNotFound(orderFormOptions(db(), actor, id)).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "CONFLICT") return error.message;
    throw error;
  });
  if (typeof options === "string") {
    // Nothing can be ordered (no CLASSOUND, no term, no prices): the breadcrumb still names the PBX.
    const pbx = await orNotFound(pbxHeading(db(), actor, id));
    return (
      <>
        <PageHeader
          breadcrumbs={[
            { label: "PBXs", href: "/pbxs" },
            { label: pbx.name, href: `/pbxs/${id}` },
            { label: "Order numbers" },
          ]}
          title={`Order numbers for ${pbx.name}`}
        />
        <Alert variant="warning">{options}</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { label: "PBXs", href: "/pbxs" },
          { label: options.pbx.name, href: `/pbxs/${id}` },
          { label: "Order numbers" },
        ]}
        title={`Order numbers for ${options.pbx.name}`}
        description={`Choose a country, then say how many numbers you need. They co-terminate with the PBX on ${formatDate(options.pbx.termExpiry)}.`}
      />
      <OrderNumbersForm options={options} />
    </>
  );
}
