import { Alert } from "@/components/ui/alert";
import type { PrecheckIssue } from "@/lib/activations/precheck";

export function PrecheckPanel({ issues }: { issues: PrecheckIssue[] }) {
  if (!issues.length) {
    return <Alert variant="success" title="Ready to submit">Every required field and document is in place.</Alert>;
  }
  return (
    <Alert variant="warning" title={`${issues.length} item${issues.length > 1 ? "s" : ""} to complete before submitting`}>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {issues.map((issue) => (
          <li key={`${issue.target}:${issue.message}`}>{issue.message}</li>
        ))}
      </ul>
    </Alert>
  );
}
