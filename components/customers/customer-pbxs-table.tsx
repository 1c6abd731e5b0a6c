import Link from "next/link";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { REPORT_CELL, ReportTable } from "@/components/ui/report-table";
import type { CustomerDetail } from "@/lib/customers/customer-detail";
import type { ServiceStatus } from "@/lib/db/generated/enums";
import { formatDate, LICENSE_PLAN_LABEL } from "@/lib/format";

const SERVICE_BADGE: Record<ServiceStatus, { variant: BadgeVariant; label: string }> = {
  ACTIVE: { variant: "success", label: "Active" },
  SUSPENDED: { variant: "warning", label: "Suspended" },
  CANCELLED: { variant: "neutral", label: "Cancelled" },
  EXPIRED: { variant: "neutral", label: "Expired" },
};

/** A customer's PBXs: name (to the PBX's page), serial, licence plan, term end and CLASSOUND status. */
export function CustomerPbxsTable({ customerName, pbxs }: { customerName: string; pbxs: CustomerDetail["pbxs"] }) {
  return (
    <ReportTable
      label={`PBXs of ${customerName}`}
      columns={[
        { header: "PBX" },
        { header: "Serial" },
        { header: "Licence plan" },
        { header: "Term ends" },
        { header: "CLASSOUND" },
      ]}
    >
      {pbxs.map((pbx) => {
        const badge = pbx.serviceStatus ? SERVICE_BADGE[pbx.serviceStatus] : null;
        return (
          <tr key={pbx.id}>
            <td className={REPORT_CELL}>
              <Link href={`/pbxs/${pbx.id}`} className="font-medium text-brand-700 hover:underline">
                {pbx.name}
              </Link>
            </td>
            <td className={`${REPORT_CELL} font-mono whitespace-nowrap`}>{pbx.serial}</td>
            <td className={REPORT_CELL}>{LICENSE_PLAN_LABEL[pbx.licensePlan]}</td>
            <td className={`${REPORT_CELL} whitespace-nowrap`}>
              {pbx.termExpiry ? formatDate(pbx.termExpiry) : "No expiry"}
            </td>
            <td className={REPORT_CELL}>
              {badge ? (
                <Badge variant={badge.variant}>{badge.label}</Badge>
              ) : (
                <span className="text-muted-foreground">Not active</span>
              )}
            </td>
          </tr>
        );
      })}
    </ReportTable>
  );
}
