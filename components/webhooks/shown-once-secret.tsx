import { Alert } from "@/components/ui/alert";
import { CopyableValue } from "@/components/ui/copyable-value";

/** A new signing secret, shown once with a copy button: the page never shows it again. */
export function ShownOnceSecret({ value }: { value: string }) {
  return (
    <div className="space-y-3">
      <Alert variant="success">
        Copy the signing secret now: it is not shown again. Your receiver checks each request&apos;s Classound-Signature
        header with it.
      </Alert>
      <CopyableValue label="Signing secret" value={value} noun="secret" />
    </div>
  );
}
