import { Alert } from "@/components/ui/alert";
import type { PrecheckIssue } from "@/lib/activations/precheck";

/**
 * What still stands between the request and submitting it. `fieldsToFill`: fields that are not valid
 * yet but that the user has not reached; they are counted, not reproached, until touched or submitted.
 */
export function PrecheckPanel({ issues, fieldsToFill = 0 }: { issues: PrecheckIssue[]; fieldsToFill?: number }) {
  const count = issues.length + (fieldsToFill > 0 ? 1 : 0);
  if (!count) {
    return (
      <Alert variant="success" title="Ready to submit">
        Every required field and document is in place.
      </Alert>
    );
  }
  return (
    <Alert variant="warning" title={`${count} item${count > 1 ? "s" : ""} to complete before submitting`}>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {issues.map((issue) => (
          <li key={`${issue.target}:${issue.message}`}>{issue.message}</li>
        ))}
        {fieldsToFill > 0 && (
          <li>Legal entity: {fieldsToFill === 1 ? "1 field" : `${fieldsToFill} fields`} still to fill in.</li>
        )}
      </ul>
    </Alert>
  );
}
