import { LegalEntityDetails } from "@/components/activations/legal-entity-card";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ComplianceProfile } from "@/lib/activations/compliance-profile";
import { ComplianceDocumentsTable } from "./compliance-documents-table";

/** `actions`: links and buttons for the customer (its PBXs, its requests, editing its legal entity). */
export function ComplianceProfileCard({
  profile,
  showPartner,
  actions,
}: {
  profile: ComplianceProfile;
  showPartner: boolean;
  actions?: ReactNode;
}) {
  const headingId = `customer-${profile.id}`;
  return (
    <Card>
      <section aria-labelledby={headingId}>
        <CardHeader>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle>
              <span id={headingId}>{profile.name}</span>
            </CardTitle>
            {profile.needsAttention > 0 && (
              <Badge variant="warning">
                {profile.needsAttention} document{profile.needsAttention === 1 ? "" : "s"} to renew
              </Badge>
            )}
          </div>
          <p className="text-sm text-muted-foreground">
            {profile.countryName} · {profile.pbxCount} PBX{profile.pbxCount === 1 ? "" : "s"}
            {showPartner && ` · ${profile.partnerName}`}
          </p>
          {actions && <div className="flex flex-wrap items-center gap-x-4 gap-y-2 pt-1">{actions}</div>}
        </CardHeader>
        <CardContent className="space-y-5">
          {profile.legalEntity ? (
            <LegalEntityDetails entity={profile.legalEntity} />
          ) : (
            <p className="text-sm text-muted-foreground">
              No legal entity on file yet: it is taken from the first approved activation request.
            </p>
          )}
          {profile.documents.length > 0 ? (
            <ComplianceDocumentsTable customerName={profile.name} documents={profile.documents} />
          ) : (
            <p className="text-sm text-muted-foreground">
              No documents on file yet: they join the profile when an activation request for this customer is approved.
            </p>
          )}
        </CardContent>
      </section>
    </Card>
  );
}
