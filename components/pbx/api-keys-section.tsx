"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(portal)/pbxs/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { formatDate, formatDateTime } from "@/lib/format";

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The keys the PBX posts its call records to POST /api/cdr with; a new key is shown once. */
export function ApiKeysSection({ pbxId, keys }: { pbxId: string; keys: KeyRow[] }) {
  const router = useRouter();
  const nameId = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await createApiKeyAction({ pbxId, name });
    setPending(false);
    if (!result.ok) return setError(result.fieldErrors?.name?.[0] ?? result.error);
    setCreated(result.data.key);
    setName("");
    router.refresh();
  }

  return (
    <Card aria-labelledby="pbx-api-keys">
      <CardHeader>
        <div>
          <CardTitle id="pbx-api-keys">Call record API keys</CardTitle>
          <CardDescription>
            The PBX sends its call records to POST /api/cdr with “Authorization: Bearer &lt;key&gt;”. A key covers this
            PBX only.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        {created && (
          <Alert variant="success">
            Copy the key now: it is not shown again.
            <code className="mt-2 block break-all rounded-control bg-neutral-50 p-2 font-mono text-xs text-foreground">
              {created}
            </code>
          </Alert>
        )}
        <form onSubmit={create} className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 flex-1">
            <label htmlFor={nameId} className="block text-sm font-medium">
              Key name
            </label>
            <Input
              id={nameId}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={60}
              aria-invalid={!!error}
              aria-describedby={error ? `${nameId}-error` : undefined}
              placeholder="e.g. pbx.example.com"
            />
          </div>
          <Button type="submit" loading={pending}>
            Create key
          </Button>
          {error && (
            <p id={`${nameId}-error`} role="alert" className="w-full text-sm font-medium text-danger-700">
              {error}
            </p>
          )}
        </form>
        {keys.length === 0 ? (
          <p className="text-sm text-muted-foreground">No keys yet.</p>
        ) : (
          <ul className="divide-y divide-border text-sm">
            {keys.map((key) => (
              <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0">
                  <span className="font-medium">{key.name}</span>{" "}
                  <span className="font-mono text-xs text-muted-foreground">{key.prefix}…</span>
                  <span className="block text-xs text-muted-foreground">
                    Created {formatDate(key.createdAt)} ·{" "}
                    {key.lastUsedAt ? `last used ${formatDateTime(key.lastUsedAt)}` : "never used"}
                    {key.revokedAt && ` · revoked ${formatDate(key.revokedAt)}`}
                  </span>
                </span>
                {!key.revokedAt && (
                  <ConfirmDialog
                    title={`Revoke the key “${key.name}”?`}
                    description="The PBX can no longer post call records with it. This cannot be undone."
                    confirmLabel="Revoke key"
                    variant="danger"
                    onConfirm={async () => {
                      const result = await revokeApiKeyAction({ keyId: key.id, pbxId });
                      if (!result.ok) throw new Error(result.error);
                      toast({ title: "Key revoked", variant: "success" });
                      router.refresh();
                    }}
                    trigger={
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-danger-700"
                        aria-label={`Revoke key ${key.name}`}
                      >
                        Revoke
                      </Button>
                    }
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
