import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { LegalEntityFields } from "@/lib/activations/schemas";

/** The legal entity of a request or of a customer's compliance profile, as a definition list. */
export function LegalEntityDetails({ entity }: { entity: LegalEntityFields }) {
  const rows: [string, string | null][] = [
    ["Company name", entity.legalName],
    ["VAT / tax number", entity.vatNumber],
    [
      "Registered address",
      [entity.addressLine, [entity.postcode, entity.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null,
    ],
    ["Contact person", entity.contactName],
    ["E-mail", entity.contactEmail],
    ["Phone", entity.contactPhone],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="font-medium text-foreground">{value ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LegalEntityCard({ entity }: { entity: LegalEntityFields }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Legal entity</CardTitle>
      </CardHeader>
      <CardContent>
        <LegalEntityDetails entity={entity} />
      </CardContent>
    </Card>
  );
}
