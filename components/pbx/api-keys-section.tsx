"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(portal)/pbxs/[id]/actions";
import { KeyList, type KeyListRow } from "@/components/api/key-list";
import { ShownOnceKey } from "@/components/api/shown-once-key";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";

/** The keys the PBX posts its call records to POST /api/cdr with; a new key is shown once. */
export function ApiKeysSection({ pbxId, keys }: { pbxId: string; keys: KeyListRow[] }) {
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
        {created && <ShownOnceKey value={created} />}
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
          <KeyList
            keys={keys}
            revokeConsequence="The PBX can no longer post call records with it."
            revoke={(keyId) => revokeApiKeyAction({ keyId, pbxId })}
          />
        )}
      </CardContent>
    </Card>
  );
}
