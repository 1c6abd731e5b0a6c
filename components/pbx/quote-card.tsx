import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PbxQuote } from "@/lib/pricing/pbx-quote";
import { QuoteBreakdown } from "./quote-breakdown";

/** The first charge of an activation, on the request a partner is about to submit. */
export function QuoteCard({ quote }: { quote: PbxQuote }) {
  return (
    <Card aria-labelledby="quote-heading">
      <CardHeader>
        <div>
          <CardTitle id="quote-heading">What CLASSOUND will cost</CardTitle>
          <CardDescription>
            The first charge if the request is approved today, for the rest of the PBX&rsquo;s term.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {quote.quote ? <QuoteBreakdown quote={quote.quote} /> : <Alert variant="warning">{quote.unavailable}</Alert>}
      </CardContent>
    </Card>
  );
}
