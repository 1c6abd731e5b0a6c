import type { Metadata } from "next";
import { z } from "zod";
import { PortingHandleActions } from "@/components/porting/handle-actions";
import { PortingDetail } from "@/components/porting/porting-detail";
import { PortingStatusBadge } from "@/components/porting/status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { ZId } from "@/lib/http/ids";
import { orNotFound } from "@/lib/http/or-not-found";
import { parseRouteParams } from "@/lib/http/search-params";
import { portingRequestDetail } from "@/lib/porting/queries";

export const metadata: Metadata = { title: "Porting request" };

export default async function AdminPortingRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("porting.handle");
  const { id } = parseRouteParams(z.object({ id: ZId }), await params);
  const detail = await orNotFound(portingRequestDetail(db(), actor, id));
  const { request } = detail;
  return (
    <>
      <PageHeader
        breadcrumbs={[
          { label: "Porting queue", href: "/admin/porting" },
          { label: `${request.partner.name} · ${request.pbx.name}` },
        ]}
        title={
          <span className="flex flex-wrap items-center gap-3">
            Port-in to {request.pbx.name} <PortingStatusBadge status={request.status} />
          </span>
        }
        description={`${request.partner.name} · ${request.numbers.length} number${request.numbers.length === 1 ? "" : "s"} from ${request.currentOperator}`}
      />
      <PortingDetail
        detail={detail}
        showPartner
        actions={
          <PortingHandleActions
            requestId={request.id}
            version={request.version}
            status={request.status}
            numberCount={request.numbers.length}
            pbxName={request.pbx.name}
          />
        }
      />
    </>
  );
}
