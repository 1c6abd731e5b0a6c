import { Alert } from "@/components/ui/alert";

/** Recovery codes as shown the one time they exist in clear (only their hashes are stored). */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="space-y-3">
      <Alert variant="warning" title="Save your recovery codes now">
        Each one signs you in once instead of a code from your app, if you lose your phone. They are shown only now:
        print them or keep them in your password manager.
      </Alert>
      <ul
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-2 rounded-card border border-neutral-200 p-3 font-mono text-sm"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
