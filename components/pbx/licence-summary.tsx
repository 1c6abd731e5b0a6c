import { FactList } from "@/components/ui/fact-list";
import { formatDate, formatNumber, LICENSE_PLAN_LABEL, LICENSE_TYPE_LABEL } from "@/lib/format";
import type { PbxLicence } from "@/lib/pbx/licence-history";
import { LEVEL_TYPE, LICENCE_LEVELS, LICENSING_LABEL } from "@/lib/pbx/schemas";

const SERVICE_LABEL: Record<string, string> = {
  ACTIVE: "Active",
  SUSPENDED: "Suspended",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
};

/** The PBX's licence as it stands: plan, licensing, term, software, users per level (R4 counts them all), and CLASSOUND's term. */
export function LicenceSummary({ licence }: { licence: PbxLicence }) {
  const service = licence.service;
  return (
    <>
      <FactList
        facts={[
          ["Plan", LICENSE_PLAN_LABEL[licence.licensePlan]],
          ["Licensing", LICENSING_LABEL[licence.licensing]],
          [
            "Term",
            licence.termExpiry
              ? `${formatDate(licence.termStart)} – ${formatDate(licence.termExpiry)}`
              : `Since ${formatDate(licence.termStart)}, no end`,
          ],
          [
            "Software version",
            <span key="version" className="font-mono">
              {licence.softwareVersion}
            </span>,
          ],
          [
            "CLASSOUND",
            service
              ? `${SERVICE_LABEL[service.status] ?? service.status}${
                  service.cancellationRequestedAt ? ", cancelled at term end" : ""
                }, to ${formatDate(service.expiresAt)}`
              : "Not activated",
          ],
        ]}
      />
      <h3 className="mt-4 mb-1 text-sm font-semibold text-foreground">Users by licence level</h3>
      <FactList
        facts={[
          ...LICENCE_LEVELS.map(
            (level) => [LICENSE_TYPE_LABEL[LEVEL_TYPE[level]]!, formatNumber(licence.users[level])] as [string, string],
          ),
          ["All users", <strong key="total">{formatNumber(licence.userCount)}</strong>],
        ]}
      />
    </>
  );
}
