import { Alert } from "@/components/ui/alert";
import { CopyableValue } from "@/components/ui/copyable-value";

/** A new key, shown once with a copy button: only its hash is stored, so it cannot be shown again. */
export function ShownOnceKey({ value }: { value: string }) {
  return (
    <div className="space-y-3">
      <Alert variant="success">Copy the key now: it is not shown again.</Alert>
      <CopyableValue label="New API key" value={value} noun="key" />
    </div>
  );
}
