import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import type { PbxDetail } from "@/lib/pbx/pbx-detail";
import { StartActivationButton } from "@/components/activations/start-activation-button";
import { ACTIVATION_STATUS } from "@/components/activations/status-badge";

/**
 * What CLASSOUND is on this PBX, and the one next step: the open request, why it cannot be activated,
 * or the button. A running service's end is the term's (`ServiceTermStatus`); an ended one can be
 * activated again like a PBX that never had it.
 */
export function PbxActivationStatus({ pbx }: { pbx: PbxDetail }) {
  if (pbx.service?.status === "ACTIVE" || pbx.service?.status === "SUSPENDED") {
    const active = pbx.service.status === "ACTIVE";
    return (
      <p className="text-sm">
        <Badge variant={active ? "success" : "warning"}>{active ? "Active" : "Suspended"}</Badge> since{" "}
        {formatDate(pbx.service.activatedAt)}.
      </p>
    );
  }
  if (pbx.openRequest) {
    return (
      <p className="text-sm">
        An activation request is open ({ACTIVATION_STATUS[pbx.openRequest.status].label.toLowerCase()}).{" "}
        {pbx.canRequest && (
          <Link href={`/activations/${pbx.openRequest.id}`} className="font-medium text-brand-700 hover:underline">
            Open the request
          </Link>
        )}
      </p>
    );
  }
  if (pbx.reasons.length) {
    return (
      <div className="text-sm">
        <p className="font-medium text-foreground">CLASSOUND cannot be activated on this PBX:</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-danger-700">
          {pbx.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (pbx.readOnly)
    return (
      <p className="text-sm text-muted-foreground">
        Not active. CLASSOUND can be activated again once the agreement is reinstated.
      </p>
    );
  if (!pbx.canRequest)
    return (
      <p className="text-sm text-muted-foreground">Not active. Your partner can activate CLASSOUND on this PBX.</p>
    );
  return <StartActivationButton pbxId={pbx.id} pbxName={pbx.name} />;
}
