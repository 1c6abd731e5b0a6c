import { Alert } from "@/components/ui/alert";
import { CopyableValue } from "@/components/ui/copyable-value";
import { formatDateTime } from "@/lib/format";

/** The one-time link, shown once to the admin who issued it (it is also mailed to the user). */
export function PasswordLink({ email, link, expiresAt }: { email: string; link: string; expiresAt: Date }) {
  return (
    <div className="space-y-4">
      <Alert variant="success">
        We e-mailed this link to {email}. It works once, until {formatDateTime(expiresAt)}. It is shown only now: copy
        it if you want to pass it on yourself.
      </Alert>
      <CopyableValue label="One-time set-password link" value={link} noun="link" />
    </div>
  );
}
