import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActivationRequestDetail } from "@/lib/activations/queries";

export function LegalEntityCard({ request }: { request: ActivationRequestDetail["request"] }) {
  const rows: [string, string | null][] = [
    ["Company name", request.legalName],
    ["VAT / tax number", request.vatNumber],
    ["Registered address", [request.addressLine, [request.postcode, request.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null],
    ["Contact person", request.contactName],
    ["E-mail", request.contactEmail],
    ["Phone", request.contactPhone],
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Legal entity</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="font-medium text-foreground">{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
