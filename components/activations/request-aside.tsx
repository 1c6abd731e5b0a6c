import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActivationRequestDetail } from "@/lib/activations/queries";
import { RequestSummary } from "./request-summary";
import { ActivationTimeline } from "./timeline";

/** The side column of a request page, the same for the partner and the reviewer. */
export function RequestAside({ request, eventActors }: Pick<ActivationRequestDetail, "request" | "eventActors">) {
  return (
    <aside className="space-y-6">
      <RequestSummary request={request} />
      <Card>
        <CardHeader>
          <CardTitle>Timeline</CardTitle>
        </CardHeader>
        <CardContent>
          <ActivationTimeline events={request.events} actors={eventActors} />
        </CardContent>
      </Card>
    </aside>
  );
}
